package vae.lecturer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The grades as CSV, and as a report a lecturer reads at a glance ({@link ReportHtml}): per learner, a coloured table of
 * learners × exercises per notebook with each zero's reason, per exercise, and every check.
 */
public final class GradeReport {
    private GradeReport() {}

    /**
     * Every score as a Tablesaw table: learner, notebook, exercise, points, max points, feedback, hours late, late penalty,
     * for a wrong answer what the check expected and what came (the lecturer's; the learner's page does not show it), and
     * why it lost points ({@link Miss}: not answered, wrong, stopped, error; empty when it did not).
     */
    public static Table scores(List<Grader.Score> scores) {
        Table t = Table.create("grades", StringColumn.create("learner"), StringColumn.create("notebook"), StringColumn.create("exercise"),
                DoubleColumn.create("points"), DoubleColumn.create("max points"), StringColumn.create("feedback"),
                DoubleColumn.create("hours late"), DoubleColumn.create("late penalty"), StringColumn.create("expected"), StringColumn.create("got"),
                StringColumn.create("miss"));
        for (Grader.Score s : scores) {
            t.stringColumn("miss").append(s.miss() == null ? "" : missName(s.miss()));
            t.doubleColumn("hours late").append(s.hoursLate());
            t.doubleColumn("late penalty").append(s.latePenalty());
            t.stringColumn("learner").append(s.learner());
            t.stringColumn("notebook").append(s.notebook());
            t.stringColumn("exercise").append(s.exercise());
            t.doubleColumn("points").append(s.points());
            t.doubleColumn("max points").append(s.maxPoints());
            t.stringColumn("feedback").append(s.feedback());
            t.stringColumn("expected").append(s.expected() == null ? "" : s.expected());
            t.stringColumn("got").append(s.got() == null ? "" : s.got());
        }
        return t;
    }

    /** A kind of miss as the CSVs name it, in English whatever the report's language: "not answered". */
    static String missName(Miss m) {
        return m.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * Per exercise: mean points (two decimals), how many learners missed it (fewer than full points), and how many for
     * each reason; most missed first.
     */
    public static Table classSummary(List<Grader.Score> scores) {
        Map<String, double[]> byExercise = new TreeMap<>();   // exercise → [sum, max, learners, missed, one count per Miss]
        for (Grader.Score s : scores) {
            if (s.exercise().equals("-")) continue;
            double[] a = byExercise.computeIfAbsent(s.notebook() + " · " + s.exercise(), k -> new double[4 + Miss.values().length]);
            a[0] += s.points();
            a[1] = s.maxPoints();
            a[2]++;
            if (s.miss() != null) { a[3]++; a[4 + s.miss().ordinal()]++; }   // late work that was right is not missed
        }
        Table t = Table.create("class summary", StringColumn.create("exercise"), DoubleColumn.create("mean points"),
                DoubleColumn.create("max points"), IntColumn.create("learners"), IntColumn.create("missed by"));
        for (Miss m : Miss.values()) t.addColumns(IntColumn.create(missName(m)));
        byExercise.forEach((k, a) -> {
            t.stringColumn("exercise").append(k);
            t.doubleColumn("mean points").append(Late.round(a[0] / a[2]));
            t.doubleColumn("max points").append(a[1]);
            t.intColumn("learners").append((int) a[2]);
            t.intColumn("missed by").append((int) a[3]);
            for (Miss m : Miss.values()) t.intColumn(missName(m)).append((int) a[4 + m.ordinal()]);
        });
        return t.sortDescendingOn("missed by");
    }

    /** The columns of nbgrader's {@code nbgrader export} CSV, which LMS imports of nbgrader grades expect. */
    static final List<String> NBGRADER_COLUMNS = List.of("assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
            "raw_score", "late_submission_penalty", "score", "max_score");

    /**
     * One row per learner and notebook in nbgrader's export layout (the assignment is the notebook's name without
     * {@code .ipynb}; names and e-mail are left empty, as nbgrader leaves them for learners it has no record of).
     */
    public static String nbgraderCsv(List<Grader.Submission> graded, String deadline) {
        Map<String, double[]> rows = new LinkedHashMap<>();   // assignment + learner → [raw, penalty, score, max]
        Map<String, String> times = new LinkedHashMap<>();
        for (Grader.Submission sub : graded) {
            for (Grader.Score s : sub.scores()) {
                if (s.exercise().equals("-") || s.notebook().equals("?")) continue;
                String key = s.notebook().replaceFirst("\\.ipynb$", "") + "\u0000" + s.learner();
                double[] r = rows.computeIfAbsent(key, k -> new double[4]);
                r[0] += s.points() + s.latePenalty();
                r[1] += s.latePenalty();
                r[2] += s.points();
                r[3] += s.maxPoints();
                if (sub.submitted() != null) times.put(key, sub.submitted());
            }
        }
        StringBuilder b = new StringBuilder(String.join(",", NBGRADER_COLUMNS)).append('\n');
        rows.forEach((key, r) -> {
            String[] k = key.split("\u0000", 2);
            List<String> cells = List.of(k[0], deadline == null ? "" : deadline, times.getOrDefault(key, ""), k[1], "", "", "",
                    Feedback.fmt(Late.round(r[0])), Feedback.fmt(Late.round(r[1])), Feedback.fmt(Late.round(r[2])), Feedback.fmt(Late.round(r[3])));
            b.append(String.join(",", cells.stream().map(GradeReport::csvCell).toList())).append('\n');
        });
        return b.toString();
    }

    static String csvCell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Everything {@link #write(List, Path)} writes, and nbgrader-grades.csv, in nbgrader's export layout. */
    public static void write(List<Grader.Submission> graded, String deadline, Path dir) {
        write(Submissions.scores(graded), dir, variants(graded));
        try {
            Files.writeString(dir.resolve("nbgrader-grades.csv"), nbgraderCsv(graded, deadline));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade report to " + dir, e);
        }
    }

    /** Each learner's variant of the exercises: whose numbers they were graded with, and what each exercise drew for them. */
    static Map<String, ReportHtml.Variant> variants(List<Grader.Submission> graded) {
        Map<String, ReportHtml.Variant> variants = new LinkedHashMap<>();
        for (Grader.Submission sub : graded) {
            if (sub.scores().isEmpty() || sub.identity() == null) continue;
            Map<String, String> inputs = new LinkedHashMap<>(sub.inputs() == null ? Map.of() : sub.inputs());
            variants.merge(sub.scores().get(0).learner(), new ReportHtml.Variant(sub.identity(), inputs), (a, b) -> {
                a.inputs().putAll(b.inputs());
                return a;
            });
        }
        return variants;
    }

    /** Writes grades.csv, summary.csv and report.html into {@code dir}. */
    public static void write(List<Grader.Score> scores, Path dir) {
        write(scores, dir, Map.of());
    }

    static void write(List<Grader.Score> scores, Path dir, Map<String, ReportHtml.Variant> variants) {
        try {
            Files.createDirectories(dir);
            scores(scores).write().csv(dir.resolve("grades.csv").toFile());
            classSummary(scores).write().csv(dir.resolve("summary.csv").toFile());
            Files.writeString(dir.resolve("report.html"), ReportHtml.page(scores, variants));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade report to " + dir, e);
        }
    }

    /** Every exercise of the class: its mean, its share, how many had full points, and how many missed it for each reason. */
    static String exercisesHtml(List<Grader.Score> scores) {
        Table t = classSummary(scores);
        StringBuilder b = new StringBuilder("<table class=\"sortable\"><thead><tr>").append(ReportHtml.th("report.notebook", "text"))
                .append(ReportHtml.th("report.exercise", "text")).append(ReportHtml.th("report.mean", "")).append(ReportHtml.th("report.of", ""))
                .append(ReportHtml.th("report.share", "")).append(ReportHtml.th("report.full", "")).append(ReportHtml.th("report.missedBy", ""));
        for (Miss m : Miss.values()) b.append("<th class=\"k-").append(m.css()).append("\">").append(vae.kernel.render.Html.escape(m.word())).append("</th>");
        b.append("</tr></thead><tbody>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            String[] key = t.stringColumn("exercise").get(r).split(" · ", 2);
            double mean = t.doubleColumn("mean points").get(r), max = t.doubleColumn("max points").get(r);
            int learners = t.intColumn("learners").get(r), missed = t.intColumn("missed by").get(r);
            b.append("<tr>").append(ReportHtml.td(key[0], null, "text", null)).append(ReportHtml.td(ReportWords.exercise(key[0], key[1]), null, "text", key[1]))
                    .append(ReportHtml.td(ReportWords.points(mean), null, null, null)).append(ReportHtml.td(ReportWords.points(max), null, null, null))
                    .append(ReportHtml.td(ReportWords.percent(max == 0 ? 0 : mean / max), ReportHtml.share(mean, max), null, null))
                    .append(ReportHtml.td(String.valueOf(learners - missed), null, null, null)).append(ReportHtml.td(missed + " / " + learners, String.valueOf(missed), null, null));
            for (Miss m : Miss.values()) {
                int n = t.intColumn(missName(m)).get(r);
                b.append(ReportHtml.td(n == 0 ? "" : String.valueOf(n), String.valueOf(n), n == 0 ? null : "k-" + m.css(), null));
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /** Every check of every learner, with its reason and, for a wrong answer, the expected value and the learner's. */
    static String checksHtml(List<Grader.Score> scores) {
        return checksHtml(scores, Map.of());
    }

    /** With each learner's inputs, where the exercises drew their own numbers, in a column of their own. */
    static String checksHtml(List<Grader.Score> scores, Map<String, ReportHtml.Variant> variants) {
        boolean inputs = variants.values().stream().anyMatch(v -> !v.inputs().isEmpty());
        StringBuilder b = new StringBuilder("<table class=\"sortable\"><thead><tr>");
        for (String k : List.of("report.learner", "report.notebook", "report.exercise")) b.append(ReportHtml.th(k, "text"));
        b.append(ReportHtml.th("report.points", "")).append(ReportHtml.th("report.of", ""));
        if (inputs) b.append(ReportHtml.th("report.inputs", "text"));
        for (String k : List.of("report.reason", "report.feedback", "report.expected", "report.got", "report.late")) b.append(ReportHtml.th(k, "text"));
        b.append("</tr></thead><tbody>\n");
        for (Grader.Score s : scores) {
            b.append("<tr>").append(ReportHtml.td(s.learner(), null, "text", null)).append(ReportHtml.td(s.notebook(), null, "text", null))
                    .append(ReportHtml.td(s.exercise().equals("-") ? "-" : ReportWords.exercise(s.notebook(), s.exercise()), null, "text", s.exercise()))
                    .append(ReportHtml.td(ReportWords.points(s.points()), null, null, null)).append(ReportHtml.td(ReportWords.points(s.maxPoints()), null, null, null))
                    .append(inputs ? ReportHtml.td(variants.containsKey(s.learner()) ? variants.get(s.learner()).inputs().getOrDefault(s.exercise(), "") : "", null, "text", null) : "")
                    .append(ReportHtml.td(s.miss() == null ? "" : s.miss().word(), null, s.miss() == null ? "text" : "text k-" + ReportHtml.kind(s), null))
                    .append(ReportHtml.td(s.feedback(), null, "text", null)).append(ReportHtml.td(s.expected() == null ? "" : s.expected(), null, "text", null))
                    .append(ReportHtml.td(s.got() == null ? "" : s.got(), null, "text", null))
                    .append(ReportHtml.td(s.late() ? ReportWords.text("report.hours", Feedback.fmt(s.hoursLate())) : "", String.valueOf(s.hoursLate()), "text", null))
                    .append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }
}
