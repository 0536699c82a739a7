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

    /** Every score as a Tablesaw table: learner, notebook, exercise, points, max points, feedback. */
    public static Table scores(List<Grader.Score> scores) {
        Table t = Table.create("grades", StringColumn.create("learner"), StringColumn.create("notebook"), StringColumn.create("exercise"),
                DoubleColumn.create("points"), DoubleColumn.create("max points"), StringColumn.create("feedback"));
        for (Grader.Score s : scores) {
            t.stringColumn("learner").append(s.learner());
            t.stringColumn("notebook").append(s.notebook());
            t.stringColumn("exercise").append(s.exercise());
            t.doubleColumn("points").append(s.points());
            t.doubleColumn("max points").append(s.maxPoints());
            t.stringColumn("feedback").append(s.feedback());
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
            if (s.points() < s.maxPoints()) a[3]++;
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
        for (Grader.Score s : scores) {
            double[] t = totals.computeIfAbsent(s.learner(), k -> new double[2]);
            t[0] += s.points();
            t[1] += s.maxPoints();
        }
        b.append("<h2>Per learner</h2>\n<table><tr><th>learner</th><th>points</th><th>of</th></tr>\n");
        totals.forEach((l, t) -> b.append("<tr><td>").append(Html.escape(l)).append("</td><td>").append(Feedback.fmt(t[0]))
                .append("</td><td>").append(Feedback.fmt(t[1])).append("</td></tr>\n"));
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
