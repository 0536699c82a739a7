package vae.lecturer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import vae.kernel.render.Html;
import vae.plot.Png;

/** The grades as CSV and as a readable HTML report: per learner and exercise, and a class summary with a bar chart. */
public final class GradeReport {
    private GradeReport() {}

    /**
     * Every score as a Tablesaw table: learner, notebook, exercise, points, max points, feedback, hours late, late penalty,
     * and for a wrong answer what the check expected and what came (the lecturer's; the learner's page does not show it).
     */
    public static Table scores(List<Grader.Score> scores) {
        Table t = Table.create("grades", StringColumn.create("learner"), StringColumn.create("notebook"), StringColumn.create("exercise"),
                DoubleColumn.create("points"), DoubleColumn.create("max points"), StringColumn.create("feedback"),
                DoubleColumn.create("hours late"), DoubleColumn.create("late penalty"), StringColumn.create("expected"), StringColumn.create("got"));
        for (Grader.Score s : scores) {
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

    /** Per exercise: mean points, and how many learners missed it (fewer than full points), most missed first. */
    public static Table classSummary(List<Grader.Score> scores) {
        Map<String, double[]> byExercise = new TreeMap<>();   // exercise → [sum, max, learners, missed]
        for (Grader.Score s : scores) {
            if (s.exercise().equals("-")) continue;
            double[] a = byExercise.computeIfAbsent(s.notebook() + " · " + s.exercise(), k -> new double[4]);
            a[0] += s.points();
            a[1] = s.maxPoints();
            a[2]++;
            if (s.points() + s.latePenalty() < s.maxPoints()) a[3]++;   // late work that was right is not missed
        }
        Table t = Table.create("class summary", StringColumn.create("exercise"), DoubleColumn.create("mean points"),
                DoubleColumn.create("max points"), IntColumn.create("learners"), IntColumn.create("missed by"));
        byExercise.forEach((k, a) -> {
            t.stringColumn("exercise").append(k);
            t.doubleColumn("mean points").append(a[0] / a[2]);
            t.doubleColumn("max points").append(a[1]);
            t.intColumn("learners").append((int) a[2]);
            t.intColumn("missed by").append((int) a[3]);
        });
        return t.sortDescendingOn("missed by");
    }

    /** A bar chart of the mean points per exercise, as a share of its maximum. */
    public static CategoryChart chart(Table summary) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(420).title("Mean score per exercise (share of its points)")
                .xAxisTitle("exercise").yAxisTitle("share").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setYAxisMax(1.0);
        List<String> names = summary.stringColumn("exercise").asList();
        double[] share = new double[names.size()];
        for (int i = 0; i < share.length; i++) {
            double max = summary.doubleColumn("max points").get(i);
            share[i] = max == 0 ? 0 : summary.doubleColumn("mean points").get(i) / max;
        }
        if (!names.isEmpty()) chart.addSeries("share", names, java.util.Arrays.stream(share).boxed().toList());
        return chart;
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
        write(Submissions.scores(graded), dir);
        try {
            Files.writeString(dir.resolve("nbgrader-grades.csv"), nbgraderCsv(graded, deadline));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade report to " + dir, e);
        }
    }

    /** Writes grades.csv, summary.csv, summary.png and report.html into {@code dir}. */
    public static void write(List<Grader.Score> scores, Path dir) {
        try {
            Files.createDirectories(dir);
            Table all = scores(scores), summary = classSummary(scores);
            all.write().csv(dir.resolve("grades.csv").toFile());
            summary.write().csv(dir.resolve("summary.csv").toFile());
            byte[] png = summary.rowCount() == 0 ? new byte[0] : Png.bytes(chart(summary));
            if (png.length > 0) Files.write(dir.resolve("summary.png"), png);
            Files.writeString(dir.resolve("report.html"), html(scores, summary, png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade report to " + dir, e);
        }
    }

    static String html(List<Grader.Score> scores, Table summary, byte[] png) {
        StringBuilder b = new StringBuilder("<h1>Grades</h1>\n");
        Map<String, double[]> totals = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> late = new LinkedHashMap<>();
        for (Grader.Score s : scores) {
            double[] t = totals.computeIfAbsent(s.learner(), k -> new double[2]);
            t[0] += s.points();
            t[1] += s.maxPoints();
            if (s.late()) late.computeIfAbsent(s.learner(), k -> new java.util.TreeSet<>()).add(s.notebook() + " (" + Feedback.fmt(s.hoursLate()) + " h)");
        }
        b.append("<h2>Per learner</h2>\n<table><tr><th>learner</th><th>points</th><th>of</th><th>late</th></tr>\n");
        totals.forEach((l, t) -> b.append("<tr><td>").append(Html.escape(l)).append("</td><td>").append(Feedback.fmt(Late.round(t[0])))
                .append("</td><td>").append(Feedback.fmt(t[1])).append("</td><td>")
                .append(Html.escape(String.join(", ", late.getOrDefault(l, java.util.Set.of())))).append("</td></tr>\n"));
        b.append("</table>\n<h2>Class summary</h2>\n");
        if (png.length > 0) b.append("<img alt=\"mean score per exercise\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        b.append(table(summary));
        b.append("<h2>Every check</h2>\n").append(table(scores(scores)));
        return NotebookHtml.document("Grades", b.toString());
    }

    static String table(Table t) {
        StringBuilder b = new StringBuilder("<table><tr>");
        for (String c : t.columnNames()) b.append("<th>").append(Html.escape(c)).append("</th>");
        b.append("</tr>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            b.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) b.append("<td>").append(Html.escape(t.getString(r, c))).append("</td>");
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }
}
