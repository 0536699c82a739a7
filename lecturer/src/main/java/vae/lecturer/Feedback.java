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

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
