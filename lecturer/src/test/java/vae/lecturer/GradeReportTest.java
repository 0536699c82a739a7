package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vae.Language;

/** The report a lecturer reads, for a constructed class with each kind of zero: its words, numbers and tables, not its pixels. */
class GradeReportTest {
    static final String NB = "03-sigma-and-z.ipynb";

    static Grader.Score score(String learner, String exercise, double points, String feedback, Miss miss) {
        return new Grader.Score(learner, NB, exercise, points, 1, feedback).withMiss(miss);
    }

    /** Four learners, three exercises: ana answers all; ben leaves sigma unanswered; chi's answer cell loops; dan's is wrong and throws. */
    static final List<Grader.Score> CLASS = List.of(
            score("ana", "03-sigma-by-hand-check", 1, "✔ σ", null),
            score("ana", "03-z-for-a-seven-check", 1, "✔ z", null),
            score("ana", "03-many-samples-check", 1, "✔ samples", null),
            score("ben", "03-sigma-by-hand-check", 0, "not yet answered", Miss.NOT_ANSWERED),
            score("ben", "03-z-for-a-seven-check", 1, "✔ z", null),
            score("ben", "03-many-samples-check", 1.0 / 3, "✘ std too low (partial credit: 1 of 3 checks passed)", Miss.WRONG),
            score("chi", "03-sigma-by-hand-check", 0, "your answer cell was stopped after 120 s", Miss.STOPPED),
            score("chi", "03-z-for-a-seven-check", 1, "✔ z", null),
            score("chi", "03-many-samples-check", 1, "✔ samples", null),
            score("dan", "03-sigma-by-hand-check", 0, "✘ σ[0] is 1.105, too high", Miss.WRONG).withAnswers("[1.221]", "[1.105]"),
            score("dan", "03-z-for-a-seven-check", 0, "your answer cell failed: java.lang.IllegalStateException: oops", Miss.ERROR),
            score("dan", "03-many-samples-check", 1, "✔ samples", null));

    @AfterEach
    void english() { Language.reset(); }

    @Test
    void pointsHaveTwoDecimalsAndSharesArePercentages() {
        String html = ReportHtml.page(CLASS);
        assertFalse(html.replaceAll("data-v=\"[^\"]*\"", "").contains("0.333"), "no float's digits where the eye reads (a sort key keeps them)");
        assertTrue(html.contains(">0.33<"), "ben's partial credit, to two decimals");
        assertTrue(html.contains("Learners: 4. Notebooks: 1. The class has 61% of the points."), html);   // 7.33 of 12
        assertTrue(html.contains("<td data-v=\"0.4444444444444444\">44%</td>"), "ben's share, sortable by its value");
    }

    @Test
    void exercisesAreLabelledOncePerNotebookAndShort() {
        String html = ReportHtml.page(CLASS);
        assertTrue(html.contains("<h2>" + NB + "</h2>"));
        for (String label : List.of("sigma-by-hand", "z-for-a-seven", "many-samples")) assertTrue(html.contains(">" + label + "</th>"), label);
        assertFalse(html.contains(NB + " · "), "the notebook's name is not repeated in each exercise's label");
    }

    @Test
    void eachZeroSaysItsReasonInItsCellAndTheMostMissedExerciseStandsOut() {
        String html = ReportHtml.page(CLASS);
        assertTrue(html.contains("<td class=\"cell k-not-answered\" data-v=\"0.00\" title=\"not yet answered\">0.00<small>not answered</small></td>"), html);
        assertTrue(html.contains("<td class=\"cell k-stopped\" data-v=\"0.00\" title=\"your answer cell was stopped after 120 s\">0.00<small>stopped</small></td>"));
        assertTrue(html.contains("<td class=\"cell k-wrong\" data-v=\"0.00\" title=\"✘ σ[0] is 1.105, too high\">0.00<small>wrong</small></td>"));
        assertTrue(html.contains("class=\"cell k-error\""));
        assertTrue(html.contains("class=\"cell k-partial\" data-v=\"0.33\""), "a share of the points is partial, not a zero");
        assertTrue(html.contains("<p class=\"most-missed\">Most missed: sigma-by-hand, by 3 of 4 learners (not answered: 1, wrong: 1, stopped: 1).</p>"), html);
        assertTrue(html.contains("<th class=\"most-missed\" title=\"03-sigma-by-hand-check\">sigma-by-hand</th>"));
        // the class mean under each column, and its distribution: sigma 1 full, 1 wrong, 1 not answered, 1 stopped
        assertTrue(html.contains("<td>0.25<small>25%</small></td>"), "sigma's mean");
        Matcher bar = Pattern.compile("<div class=\"bar\">(.*?)</div>").matcher(html);
        assertTrue(bar.find());
        assertEquals("<span class=\"k-full\" style=\"width:25.0%\" title=\"1\"></span><span class=\"k-not-answered\" style=\"width:25.0%\" title=\"1\"></span>"
                + "<span class=\"k-wrong\" style=\"width:25.0%\" title=\"1\"></span><span class=\"k-stopped\" style=\"width:25.0%\" title=\"1\"></span>", bar.group(1));
    }

    @Test
    void everyTableSortsOfflineByAClickOnItsHeadings() {
        String html = ReportHtml.page(CLASS);
        long tables = Pattern.compile("<table").matcher(html).results().count();
        assertEquals(4, tables, "per learner, the notebook's picture, per exercise, every check");
        assertEquals(tables, Pattern.compile("<table class=\"sortable\"><thead>").matcher(html).results().count());
        assertTrue(html.contains("<script>") && html.contains("querySelectorAll('table.sortable th')"), "the sorting script is inline");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script src"), "nothing from the network");
    }

    @Test
    void theSummaryCountsEachReasonAndTheChecksTableKeepsExpectedAndGot() {
        String html = GradeReport.checksHtml(CLASS);
        assertTrue(html.contains("<td class=\"text\">dan</td><td class=\"text\">" + NB + "</td><td class=\"text\" title=\"03-sigma-by-hand-check\">sigma-by-hand</td>"
                + "<td>0.00</td><td>1.00</td><td class=\"text k-wrong\">wrong</td><td class=\"text\">✘ σ[0] is 1.105, too high</td>"
                + "<td class=\"text\">[1.221]</td><td class=\"text\">[1.105]</td>"), html);
        var summary = GradeReport.classSummary(CLASS);
        assertEquals(NB + " · 03-sigma-by-hand-check", summary.stringColumn("exercise").get(0), "most missed first");
        assertEquals(List.of(3, 1, 1, 1, 0), List.of(summary.intColumn("missed by").get(0), summary.intColumn("not answered").get(0),
                summary.intColumn("wrong").get(0), summary.intColumn("stopped").get(0), summary.intColumn("error").get(0)));
        assertEquals(0.83, summary.doubleColumn("mean points").get(summary.stringColumn("exercise").indexOf(NB + " · 03-many-samples-check")), 1e-9,
                "(1 + 1/3 + 1 + 1) / 4, to two decimals");
        assertEquals("stopped", GradeReport.scores(CLASS).stringColumn("miss").get(6), "grades.csv names the reason in English, whatever the language");
    }

    @Test
    void theFeedbackPageStartsWithEachLostPointAndItsReason() {
        String top = Feedback.misses(NB, CLASS.subList(6, 9));
        assertEquals("<div class=\"misses\"><p>Where points were lost:</p><ul>\n<li class=\"k-stopped\"><b>stopped</b> · sigma-by-hand: 0.00 of 1.00 points"
                + " — your answer cell was stopped after 120 s</li>\n</ul></div>\n", top);
        assertEquals("", Feedback.misses(NB, CLASS.subList(0, 3)), "nothing lost, nothing said");
        assertEquals("0.33", Feedback.fmt(1.0 / 3));
        assertEquals("3", Feedback.fmt(3));
    }

    @Test
    void vietnameseReportAndPageSpeakVietnamese() {
        Language.use("vi");
        String html = ReportHtml.page(CLASS);
        assertTrue(html.contains("Người học: 4. Notebook: 1. Cả lớp đạt 61% số điểm."), html);
        assertTrue(html.contains("<small>bị dừng</small>") && html.contains("<small>chưa trả lời</small>"));
        assertTrue(html.contains("Bị mất điểm nhiều nhất: sigma-by-hand, 3 trên 4 người học"));
        assertTrue(Feedback.misses(NB, CLASS.subList(6, 9)).contains("<b>bị dừng</b> · sigma-by-hand: 0.00 trên 1.00 điểm"));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"vi\">"));
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws Exception {
        java.util.Properties en = properties("report.properties"), vi = properties("report_vi.properties");
        assertEquals(en.stringPropertyNames(), vi.stringPropertyNames());
        Pattern placeholder = Pattern.compile("%[sd]");
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholder.matcher(en.getProperty(key)).results().map(java.util.regex.MatchResult::group).toList(),
                    placeholder.matcher(vi.getProperty(key)).results().map(java.util.regex.MatchResult::group).toList(), key);
        }
        for (Miss m : Miss.values()) assertTrue(en.containsKey("miss." + m.css()), m.toString());
    }

    /** One file read alone (a bundle would fill a missing key from its parent and hide it). */
    static java.util.Properties properties(String name) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = GradeReportTest.class.getResourceAsStream("/vae/lecturer/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void aLearnersVariantHasAColumnAndItsInputsShowBesideTheReason() {
        java.util.Map<String, String> chisInputs = java.util.Map.of("03-sigma-by-hand-check", "logvar = [0.4, −1.2]");
        String own = ReportHtml.page(CLASS, java.util.Map.of("chi", new ReportHtml.Variant("chi", chisInputs)));
        assertFalse(own.contains(">variant</th>"), "each learner graded with their own name's numbers: the column would repeat the name");
        assertTrue(own.contains("title=\"your answer cell was stopped after 120 s\nlogvar = [0.4, −1.2]\">"), "the inputs on hover, beside the reason");
        String listed = ReportHtml.page(CLASS, java.util.Map.of("chi", new ReportHtml.Variant("chi.hub", chisInputs),
                "ana", new ReportHtml.Variant("", java.util.Map.of())));
        assertTrue(listed.contains("<th class=\"text\">learner</th><th class=\"text\">variant</th><th class=\"most-missed\""), "beside the learner in the picture");
        assertTrue(listed.contains("<td class=\"text\">chi</td><td class=\"text\">chi.hub</td><td class=\"cell k-stopped\""), listed);
        assertTrue(listed.contains("<td class=\"text\">ana</td><td class=\"text\">the book&#39;s (the same for every learner)</td>"));
        assertTrue(listed.contains("<th class=\"text\">inputs</th>") && listed.contains("<td class=\"text\">logvar = [0.4, −1.2]</td>"), "every check keeps the inputs");
    }

    @Test
    void exercisesMissedByAsManyAreNamedTogether() {
        List<Grader.Score> tied = CLASS.stream().filter(s -> !s.exercise().equals("03-sigma-by-hand-check")).toList();
        assertTrue(ReportHtml.page(tied).contains("<p class=\"most-missed\">Most missed, each by 1 of 4 learners: z-for-a-seven, many-samples.</p>"));
    }

    @Test
    void anExercisesLabelDropsItsNotebooksNumberAndCheck() {
        assertEquals("sigma-by-hand", ReportWords.exercise(NB, "03-sigma-by-hand-check"));
        assertEquals("t-sigma", ReportWords.exercise("01-tiny.ipynb", "t-sigma-check"));
        assertEquals("03-x", ReportWords.exercise("04-other.ipynb", "03-x-check"), "another notebook's number stays");
    }
}
