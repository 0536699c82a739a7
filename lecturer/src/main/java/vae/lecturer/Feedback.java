package vae.lecturer;

import com.google.gson.JsonObject;
import java.util.List;
import vae.kernel.notebook.Notebook;
import vae.kernel.render.Html;
import vae.Language;

/** A learner's feedback file: their executed notebook as offline HTML, with each check's verdict under it. */
final class Feedback {
    private Feedback() {}

    static String page(String learner, String notebook, Notebook executed, List<Grader.Score> scores) {
        StringBuilder body = new StringBuilder("<h1>" + Html.escape(Language.text("feedback.title", learner, notebook)) + "</h1>\n");
        double got = scores.stream().mapToDouble(Grader.Score::points).sum(), max = scores.stream().mapToDouble(Grader.Score::maxPoints).sum();
        body.append("<p><b>").append(Html.escape(Language.text("feedback.points", fmt(got), fmt(max)))).append("</b> ")
                .append(Html.escape(Language.text("feedback.hidden"))).append("</p>\n");
        body.append(misses(notebook, scores));
        for (JsonObject cell : executed.cells()) {
            body.append(NotebookHtml.cell(cell));
            String id = Nbgrader.gradeId(cell);
            if (id != null && Nbgrader.isCheck(cell)) {
                for (Grader.Score s : scores) {
                    if (!s.exercise().equals(id)) continue;
                    boolean passed = s.points() >= s.maxPoints() && s.maxPoints() > 0;
                    body.append("<div class=\"feedback ").append(passed ? "passed" : "failed").append("\">")
                            .append(Html.escape(id + ": " + fmt(s.points()) + "/" + fmt(s.maxPoints()) + " — " + s.feedback())).append("</div>\n");
                }
            }
        }
        return NotebookHtml.document(Language.text("feedback.title", learner, notebook), body.toString());
    }

    /**
     * Each check that lost points, at the top of the page, with its reason in plain words: the cause ("your answer cell
     * was stopped after 120 s"), which {@link Scoring} puts before the error it caused in the check.
     */
    static String misses(String notebook, List<Grader.Score> scores) {
        StringBuilder b = new StringBuilder();
        for (Grader.Score s : scores) {
            if (s.miss() == null || s.exercise().equals("-")) continue;
            String line = ReportWords.text("page.line", ReportWords.exercise(notebook, s.exercise()), ReportWords.points(s.points()),
                    ReportWords.points(s.maxPoints()), s.feedback());
            b.append("<li class=\"k-").append(s.miss().css()).append("\"><b>").append(Html.escape(s.miss().word())).append("</b> · ")
                    .append(Html.escape(line)).append("</li>\n");
        }
        return b.isEmpty() ? "" : "<div class=\"misses\"><p>" + Html.escape(ReportWords.text("page.misses")) + "</p><ul>\n" + b + "</ul></div>\n";
    }

    /** A number of points as few digits as it needs, at most two decimals: 3, 0.5, 0.33. */
    static String fmt(double v) {
        if (v == Math.rint(v)) return String.valueOf((long) v);
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
