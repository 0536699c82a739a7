package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.notebook.Notebook;

/**
 * Notebook 03 graded as a lecturer would, for three learners (issue 25): the solution, the untouched learner version, and
 * one whose first answer cell loops forever. The report and the looping learner's page name the loop, not the compile
 * error it caused in the check after it, and read as a lecturer reads them (two decimals, percentages, sortable tables).
 */
class ClassReportIT {
    static final String NB = "03-sigma-and-z.ipynb";
    static final int CELL_LIMIT = 30;
    @TempDir static Path dir;
    static Map<String, Map<String, Grader.Score>> byLearner;
    static String report, loopPage;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        Notebook solution = Notebook.read(NotebookRuns.SOLUTIONS.resolve(NB)), learner = LearnerVersions.of(solution);
        Path in = Files.createDirectories(dir.resolve("submissions"));
        solution.write(in.resolve("solution/" + NB));
        learner.write(in.resolve("untouched/" + NB));
        Notebook loop = GraderIT.answered(learner, "03-sigma-by-hand", "while (true) { }");
        for (String id : List.of("03-z-for-a-seven", "03-epsilon-for-mu", "03-many-samples")) loop = answered(loop, solution, id);
        loop.write(in.resolve("loop/" + NB));
        Grader grader = new Grader(NotebookRuns.SOLUTIONS, GradingSettings.defaults().withTimeouts(CELL_LIMIT, 600), NotebookRuns.classpath());
        Path out = dir.resolve("out");
        List<Grader.Submission> graded = grader.grade(in, out, 1, Shard.ALL, System.out);
        GradeReport.write(graded, null, out);
        byLearner = Submissions.scores(graded).stream().collect(Collectors.groupingBy(Grader.Score::learner,
                Collectors.toMap(Grader.Score::exercise, s -> s)));
        report = Files.readString(out.resolve("report.html"));
        loopPage = Files.readString(out.resolve("executed/loop/" + NB.replace(".ipynb", ".html")));
    }

    /** {@code nb} with answer cell {@code id} holding the solution's answer. */
    static Notebook answered(Notebook nb, Notebook solution, String id) {
        String answer = Notebook.source(OriginalChecks.find(solution, id));
        String body = answer.substring(answer.indexOf("// BEGIN SOLUTION") + "// BEGIN SOLUTION".length(), answer.indexOf("// END SOLUTION")).strip();
        return GraderIT.answered(nb, id, body);
    }

    @Test
    void theLoopingAnswerCellIsTheReasonNotTheCompileErrorInItsCheck() {
        Grader.Score sigma = byLearner.get("loop").get("03-sigma-by-hand-check");
        assertEquals(0, sigma.points());
        assertEquals(Miss.STOPPED, sigma.miss());
        assertEquals("your answer cell was stopped after " + CELL_LIMIT + " s", sigma.feedback());
        for (String other : List.of("03-z-for-a-seven-check", "03-epsilon-for-mu-check", "03-many-samples-check")) {
            assertNull(byLearner.get("loop").get(other).miss(), other + ": the loop costs only its own exercise: " + byLearner.get("loop").get(other));
        }
    }

    @Test
    void theSolutionGetsEveryPointAndTheUntouchedVersionIsNotAnswered() {
        byLearner.get("solution").values().forEach(s -> assertNull(s.miss(), s.toString()));
        byLearner.get("untouched").values().forEach(s -> {
            assertEquals(Miss.NOT_ANSWERED, s.miss(), s.toString());
            assertEquals("not yet answered", s.feedback());
        });
    }

    @Test
    void theReportShowsEachZerosReasonWithTwoDecimalsPercentagesAndSortableTables() {
        assertTrue(report.contains("<p class=\"most-missed\">Most missed: sigma-by-hand, by 2 of 3 learners (not answered: 1, stopped: 1).</p>"), report);
        // The title (on hover) has the reason, then the numbers the exercise drew for this learner where it draws its own.
        assertTrue(java.util.regex.Pattern.compile("title=\"your answer cell was stopped after " + CELL_LIMIT + " s[^\"]*\">0.00<small>stopped</small></td>").matcher(report).find());
        assertTrue(java.util.regex.Pattern.compile("title=\"not yet answered[^\"]*\">0.00<small>not answered</small></td>").matcher(report).find());
        assertTrue(report.contains("<h2>" + NB + "</h2>") && report.contains(">sigma-by-hand</th>") && !report.contains(NB + " · "), "short labels, the notebook named once");
        assertTrue(report.contains(">100%</td>") && report.contains(">0%</td>") && report.contains(">75%</td>"), "the learners' shares: 4, 0 and 3 of 4 points");
        assertTrue(report.contains("<td>4.00</td>") && report.contains("<td>3.00</td>"), "points to two decimals");
        assertTrue(report.contains("<table class=\"sortable\"><thead>") && report.contains("querySelectorAll('table.sortable th')"), "sortable headings, inline");
        assertFalse(report.contains("cannot find symbol"), "the consequence of the loop is not given as its reason");
        assertFalse(report.contains("http://") || report.contains("https://"), "the report opens offline");
    }

    @Test
    void theLoopingLearnersPageSaysWhyAtTheTop() {
        String top = loopPage.substring(0, loopPage.indexOf("<div class=\"markdown\">"));
        assertTrue(top.contains("<li class=\"k-stopped\"><b>stopped</b> · sigma-by-hand: 0.00 of 1.00 points — your answer cell was stopped after "
                + CELL_LIMIT + " s</li>"), top);
        assertFalse(top.contains("CompileError") || top.contains("cannot find symbol"), top);
        assertTrue(top.contains("3 of 4 points."), top);
    }
}
