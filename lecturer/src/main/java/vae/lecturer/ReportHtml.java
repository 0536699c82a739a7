package vae.lecturer;

import static vae.kernel.render.Html.escape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The grading report as one page that opens offline: the learners per notebook as a table coloured per cell (points, and
 * for each zero its reason: not answered, wrong, stopped, error), each exercise's class mean and distribution under its
 * column, the most missed exercise named, and every table sortable by a click on its headings (a few lines of inline
 * script, nothing loaded from the network). A coloured HTML table rather than XChart's HeatMapChart: a heat map's scale
 * is continuous, and a zero's reason is a kind, not an amount; the cells' text can be read, searched, copied and sorted,
 * and the reason's sentence shows on hover.
 */
final class ReportHtml {
    private ReportHtml() {}

    /** Sorts a table's body by the column whose heading is clicked: numbers by value (a cell's data-v), text alphabetically. */
    static final String SORT = """
            document.querySelectorAll('table.sortable th').forEach((th, i) => th.addEventListener('click', () => {
              const table = th.closest('table'), body = table.tBodies[0], up = th.dataset.order !== 'up';
              table.querySelectorAll('th').forEach(h => delete h.dataset.order); th.dataset.order = up ? 'up' : 'down';
              const key = r => { const c = r.cells[i], v = c ? (c.dataset.v ?? c.textContent) : ''; return isNaN(parseFloat(v)) ? v : parseFloat(v); };
              const rows = [...body.rows].sort((a, b) => { const x = key(a), y = key(b);
                const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)); return up ? d : -d; });
              rows.forEach(r => body.appendChild(r));
            }));
            """;

    static final String STYLE = """
            body{max-width:none}table.sortable th{cursor:pointer;user-select:none}th[data-order=up]::after{content:' ▲'}th[data-order=down]::after{content:' ▼'}
            td.cell,tfoot td{text-align:center;min-width:6em}td.text,th.text{text-align:left}td small{display:block;font-size:75%;color:#333}th.most-missed{outline:3px solid #c62828}
            .legend span{padding:.1em .5em;margin-right:.4em;border-radius:3px}.bar{display:flex;width:100%;min-width:6em;height:.9em;border:1px solid #999}
            .bar span{display:block;height:100%}p.most-missed{color:#c62828;font-weight:bold}
            """;

    /**
     * Whose exercise numbers a learner was graded with ({@code identity}, "" for the book's own) and what each exercise
     * drew for them, by check id; the report shows the identity in a column and the inputs on hover over each cell.
     */
    record Variant(String identity, Map<String, String> inputs) {}

    static String page(List<Grader.Score> scores) {
        return page(scores, Map.of());
    }

    /** The report; {@code variants} (learner → variant) adds a variant column where any learner has one. */
    static String page(List<Grader.Score> scores, Map<String, Variant> variants) {
        Map<String, List<Grader.Score>> byNotebook = new TreeMap<>();
        Set<String> learners = new LinkedHashSet<>();
        double got = 0, max = 0;
        for (Grader.Score s : scores) {
            learners.add(s.learner());
            got += s.points();
            max += s.maxPoints();
            if (!s.exercise().equals("-")) byNotebook.computeIfAbsent(s.notebook(), k -> new ArrayList<>()).add(s);
        }
        StringBuilder b = new StringBuilder("<h1>").append(escape(ReportWords.text("report.title"))).append("</h1>\n<p>")
                .append(escape(ReportWords.text("report.overview", learners.size(), byNotebook.size(), ReportWords.percent(max == 0 ? 0 : got / max))))
                .append(" ").append(escape(ReportWords.text("report.sortHint"))).append("</p>\n").append(legend());
        byNotebook.forEach((notebook, s) -> b.append("<h2>").append(escape(notebook)).append("</h2>\n").append(picture(notebook, s, variants)));
        b.append("<h2>").append(escape(ReportWords.text("report.learners"))).append("</h2>\n").append(learners(scores, variants));
        b.append("<h2>").append(escape(ReportWords.text("report.exercises"))).append("</h2>\n").append(GradeReport.exercisesHtml(scores));
        b.append("<h2>").append(escape(ReportWords.text("report.checks"))).append("</h2>\n").append(GradeReport.checksHtml(scores, variants));
        return NotebookHtml.document(ReportWords.text("report.title"), b.toString(), "<style>" + STYLE + "</style><script>window.addEventListener('DOMContentLoaded', () => {\n" + SORT + "});</script>");
    }

    static String legend() {
        StringBuilder b = new StringBuilder("<p class=\"legend\"><span class=\"k-full\">").append(escape(ReportWords.text("report.full")))
                .append("</span><span class=\"k-partial\">").append(escape(ReportWords.text("report.partial"))).append("</span>");
        for (Miss m : Miss.values()) b.append("<span class=\"k-").append(m.css()).append("\">").append(escape(m.word())).append("</span>");
        return b.append("</p>\n").toString();
    }

    /** The class of a score's cell: full, partial, or the kind of its zero. */
    static String kind(Grader.Score s) {
        if (s.miss() == null) return s.maxPoints() > 0 && s.points() < s.maxPoints() - 1e-9 && s.hoursLate() == 0 ? "partial" : "full";
        return s.points() > 0 ? "partial" : s.miss().css();
    }

    /**
     * The variant column's cell of a learner: whose numbers they were graded with (the book's, or a class list's
     * identity); null, no column, where every learner was graded with their own name's numbers or none were recorded.
     */
    static String variant(Map<String, Variant> variants, String learner) {
        if (variants.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue().identity()))) return null;
        Variant v = variants.get(learner);
        return v == null ? "" : v.identity().isEmpty() ? ReportWords.text("report.bookVariant") : v.identity();
    }

    static String learners(List<Grader.Score> scores, Map<String, Variant> variants) {
        Map<String, List<Grader.Score>> by = new LinkedHashMap<>();
        for (Grader.Score s : scores) by.computeIfAbsent(s.learner(), k -> new ArrayList<>()).add(s);
        StringBuilder b = new StringBuilder("<table class=\"sortable\"><thead><tr>").append(th("report.learner", "text"));
        if (variant(variants, "") != null) b.append(th("report.variant", "text"));
        b.append(th("report.points", "")).append(th("report.of", "")).append(th("report.share", "")).append(th("report.late", "text")).append("</tr></thead><tbody>\n");
        by.forEach((learner, list) -> {
            double got = list.stream().mapToDouble(Grader.Score::points).sum(), max = list.stream().mapToDouble(Grader.Score::maxPoints).sum();
            Set<String> late = new java.util.TreeSet<>();
            for (Grader.Score s : list) if (s.late()) late.add(s.notebook() + " (" + ReportWords.text("report.hours", Feedback.fmt(s.hoursLate())) + ")");
            b.append("<tr>").append(td(learner, null, "text", null));
            if (variant(variants, learner) != null) b.append(td(variant(variants, learner), null, "text", null));
            b.append(td(ReportWords.points(got), null, null, null)).append(td(ReportWords.points(max), null, null, null))
                    .append(td(ReportWords.percent(max == 0 ? 0 : got / max), share(got, max), null, null))
                    .append(td(String.join(", ", late), null, "text", null)).append("</tr>\n");
        });
        return b.append("</tbody></table>\n").toString();
    }

    /** One notebook's learners × exercises, each exercise's mean and distribution under its column. */
    static String picture(String notebook, List<Grader.Score> scores, Map<String, Variant> variants) {
        Map<String, Map<String, Grader.Score>> grid = new LinkedHashMap<>();   // learner → exercise → score
        Map<String, Double> maxOf = new LinkedHashMap<>();
        for (Grader.Score s : scores) {
            grid.computeIfAbsent(s.learner(), k -> new LinkedHashMap<>()).put(s.exercise(), s);
            maxOf.merge(s.exercise(), s.maxPoints(), Math::max);
        }
        List<String> exercises = new ArrayList<>(maxOf.keySet());
        Map<String, Long> missed = new LinkedHashMap<>();
        for (String e : exercises) missed.put(e, grid.values().stream().filter(r -> r.containsKey(e) && r.get(e).miss() != null).count());
        long most = missed.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder b = new StringBuilder();
        if (most > 0) {
            List<String> tied = exercises.stream().filter(x -> missed.get(x) == most).toList();   // each missed by as many
            String names = String.join(", ", tied.stream().map(x -> ReportWords.exercise(notebook, x)).toList());
            String said = tied.size() > 1 ? ReportWords.text("report.mostMissedTied", most, grid.size(), names)
                    : ReportWords.text("report.mostMissed", names, most, grid.size(), reasons(grid.values().stream().map(r -> r.get(tied.get(0))).toList()));
            b.append("<p class=\"most-missed\">").append(escape(said)).append("</p>\n");
        }
        boolean withVariant = variant(variants, "") != null;
        b.append("<table class=\"sortable\"><thead><tr>").append(th("report.learner", "text")).append(withVariant ? th("report.variant", "text") : "");
        for (String e : exercises) b.append("<th").append(missed.get(e) == most && most > 0 ? " class=\"most-missed\"" : "").append(" title=\"")
                .append(escape(e)).append("\">").append(escape(ReportWords.exercise(notebook, e))).append("</th>");
        b.append(th("report.total", "")).append(th("report.share", "")).append("</tr></thead><tbody>\n");
        double classGot = 0, classMax = 0;
        for (Map.Entry<String, Map<String, Grader.Score>> row : grid.entrySet()) {
            b.append("<tr>").append(td(row.getKey(), null, "text", null)).append(withVariant ? td(variant(variants, row.getKey()), null, "text", null) : "");
            Map<String, String> inputs = variants.containsKey(row.getKey()) ? variants.get(row.getKey()).inputs() : Map.of();
            double got = 0, max = 0;
            for (String e : exercises) {
                Grader.Score s = row.getValue().get(e);
                if (s == null) { b.append("<td></td>"); continue; }
                got += s.points();
                max += s.maxPoints();
                String text = ReportWords.points(s.points()) + (s.miss() == null ? "" : "\u0000" + s.miss().word());
                String drawn = inputs.get(e);   // the numbers this learner's exercise drew, beside the reason on hover
                b.append(td(text, ReportWords.points(s.points()), "cell k-" + kind(s), drawn == null ? s.feedback() : s.feedback() + "\n" + drawn));
            }
            classGot += got;
            classMax += max;
            b.append(td(ReportWords.points(got), null, null, null)).append(td(ReportWords.percent(max == 0 ? 0 : got / max), share(got, max), null, null)).append("</tr>\n");
        }
        b.append("</tbody><tfoot><tr><th class=\"text\">").append(escape(ReportWords.text("report.mean"))).append("</th>").append(withVariant ? "<td></td>" : "");
        for (String e : exercises) {
            double mean = grid.values().stream().filter(r -> r.containsKey(e)).mapToDouble(r -> r.get(e).points()).average().orElse(0);
            b.append("<td>").append(ReportWords.points(mean)).append("<small>").append(ReportWords.percent(maxOf.get(e) == 0 ? 0 : mean / maxOf.get(e))).append("</small></td>");
        }
        b.append("<td>").append(ReportWords.points(grid.isEmpty() ? 0 : classGot / grid.size())).append("</td><td>")
                .append(ReportWords.percent(classMax == 0 ? 0 : classGot / classMax)).append("</td></tr>\n<tr><th class=\"text\">")
                .append(escape(ReportWords.text("report.distribution"))).append("</th>").append(withVariant ? "<td></td>" : "");
        for (String e : exercises) b.append("<td>").append(bar(grid.values().stream().map(r -> r.get(e)).filter(java.util.Objects::nonNull).toList())).append("</td>");
        return b.append("<td></td><td></td></tr></tfoot></table>\n").toString();
    }

    /** How many of these scores are of each kind, as a bar of coloured segments (each segment's count on hover). */
    static String bar(List<Grader.Score> scores) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String k : List.of("full", "partial", "not-answered", "wrong", "stopped", "error")) count.put(k, 0);
        for (Grader.Score s : scores) count.merge(kind(s), 1, Integer::sum);
        StringBuilder b = new StringBuilder("<div class=\"bar\">");
        count.forEach((k, n) -> {
            if (n > 0) b.append("<span class=\"k-").append(k).append("\" style=\"width:").append(100.0 * n / scores.size()).append("%\" title=\"")
                    .append(n).append("\"></span>");
        });
        return b.append("</div>").toString();
    }

    /** "stopped: 2, not answered: 1": the kinds of these scores' misses, most frequent first. */
    static String reasons(List<Grader.Score> scores) {
        Map<Miss, Integer> count = new EnumMap<>(Miss.class);
        for (Grader.Score s : scores) if (s != null && s.miss() != null) count.merge(s.miss(), 1, Integer::sum);
        return count.entrySet().stream().sorted(Map.Entry.<Miss, Integer>comparingByValue().reversed()).map(e -> e.getKey().word() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static String share(double got, double max) {
        return String.valueOf(max == 0 ? 0 : got / max);
    }

    static String th(String key, String cls) {
        return "<th" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + ">" + escape(ReportWords.text(key)) + "</th>";
    }

    /** A cell; a \0 in {@code text} starts a second, smaller line; {@code sortValue} orders it, {@code title} shows on hover. */
    static String td(String text, String sortValue, String cls, String title) {
        StringBuilder b = new StringBuilder("<td");
        if (cls != null) b.append(" class=\"").append(cls).append("\"");
        if (sortValue != null) b.append(" data-v=\"").append(escape(sortValue)).append("\"");
        if (title != null && !title.isEmpty()) b.append(" title=\"").append(escape(title)).append("\"");
        String[] lines = text.split("\u0000", 2);
        b.append(">").append(escape(lines[0]));
        if (lines.length > 1) b.append("<small>").append(escape(lines[1])).append("</small>");
        return b.append("</td>").toString();
    }
}
