package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.notebook.Notebook;

/** Grades a folder of crafted submissions of a tiny assignment and checks the exact points and reasons of each. */
class GraderIT {
    static final Path SOLUTIONS = Path.of("src/test/resources/assignment/solutions").toAbsolutePath();
    static final String NB = "01-tiny.ipynb";
    @TempDir static Path dir;
    static Map<String, List<Grader.Score>> byLearner;
    static double seconds;

    /** The learner version with the answer cell {@code gradeId} holding {@code code} in place of the stub. */
    static Notebook answered(Notebook learner, String gradeId, String code) {
        Notebook nb = learner.copy();
        for (JsonObject c : nb.cells()) {
            if (gradeId.equals(Nbgrader.gradeId(c))) Notebook.setSource(c, Notebook.source(c).replace("// YOUR CODE HERE", code));
        }
        return nb;
    }

    static final Map<String, String> RIGHT = Map.of(
            "t-sigma", "sigma = HandMaths.sigma(logVar);",
            "t-z", "z = HandMaths.z(new double[] {1, 2}, new double[] {0.5, 0.1}, new double[] {0.2, -1.5});",
            "t-fn", "sigmaOf = lv -> Math.exp(0.5 * lv);");

    /** Every exercise answered right, except {@code gradeId}, which holds {@code code}. */
    static Notebook allBut(Notebook learner, String gradeId, String code) {
        Notebook nb = learner;
        for (String id : List.of("t-sigma", "t-z", "t-fn")) nb = answered(nb, id, id.equals(gradeId) ? code : RIGHT.get(id));
        return nb;
    }

    static Notebook all(Notebook learner) {
        return allBut(learner, "", "");
    }

    @BeforeAll
    static void gradeTheClass() throws Exception {
        Notebook learner = LearnerVersions.of(Notebook.read(SOLUTIONS.resolve(NB)));
        Path in = Files.createDirectories(dir.resolve("submissions"));
        all(learner).write(in.resolve("full/" + NB));
        learner.write(in.resolve("empty/" + NB));
        Notebook half = answered(learner, "t-sigma", "sigma = new double[] {Math.exp(0.1), Math.exp(0.3), Math.exp(-0.1)};");
        answered(half, "t-z", "z = HandMaths.z(new double[] {1, 2}, new double[] {0.5, 0.1}, new double[] {0.2, -1.5});").write(in.resolve("half/" + NB));
        allBut(learner, "t-z", "while (true) { }").write(in.resolve("loop/" + NB));
        allBut(learner, "t-z", "System.exit(3);").write(in.resolve("exit/" + NB));
        allBut(learner, "t-sigma", "if (logVar.length == 3) throw new IllegalStateException(\"oops\");\nsigma = HandMaths.sigma(logVar);")
                .write(in.resolve("exception/" + NB));
        allBut(learner, "t-z", "double[] huge = new double[Integer.MAX_VALUE - 8];").write(in.resolve("huge/" + NB));
        // Passes the visible check (σ(0) = 1) but not the hidden one (σ(2) = e).
        allBut(learner, "t-fn", "sigmaOf = lv -> 1.0;").write(in.resolve("hidden/" + NB));
        Notebook deleted = all(learner);
        JsonArray cells = deleted.cellArray();
        for (int i = 0; i < cells.size(); i++) if ("t-z-check".equals(Nbgrader.gradeId(cells.get(i).getAsJsonObject()))) cells.remove(i);
        deleted.write(in.resolve("deleted/" + NB));
        Notebook edited = answered(learner, "t-sigma", "sigma = HandMaths.sigma(logVar);");
        for (JsonObject c : edited.cells()) if ("t-z-check".equals(Nbgrader.gradeId(c))) Notebook.setSource(c, "System.out.println(\"✔ z: trust me\");");
        edited.write(in.resolve("edited/" + NB));
        Files.createDirectories(in.resolve("invalid"));
        Files.writeString(in.resolve("invalid/" + NB), "{\"cells\": [ this is not json");
        Notebook other = new Notebook(com.google.gson.JsonParser.parseString(
                "{\"cells\": [{\"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {\"nbgrader\": {\"grade\": true, \"grade_id\": \"hw7-q1\", \"points\": 3}},"
                        + " \"source\": [\"1 + 1\"], \"outputs\": [], \"execution_count\": null}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}").getAsJsonObject());
        other.write(in.resolve("other/homework-7.ipynb"));

        GradingSettings settings = GradingSettings.defaults().withTimeouts(5, 90);
        Grader grader = new Grader(SOLUTIONS, new GradingSettings(5, 90, 512, List.of(), Map.of()), NotebookRuns.classpath());
        long start = System.nanoTime();
        List<Grader.Score> scores = grader.grade(in, dir.resolve("out"));
        seconds = (System.nanoTime() - start) / 1e9;
        GradeReport.write(scores, dir.resolve("out"));
        byLearner = scores.stream().collect(Collectors.groupingBy(Grader.Score::learner));
        assertEquals(5, settings.cellTimeoutSeconds());
    }

    static String reason(String learner, String exercise) {
        return byLearner.get(learner).stream().filter(s -> s.exercise().equals(exercise)).findFirst().orElseThrow().feedback();
    }

    static double total(String learner) {
        return byLearner.get(learner).stream().mapToDouble(Grader.Score::points).sum();
    }

    @Test
    void fullSolutionGetsEveryPoint() {
        assertEquals(4, total("full"));
        assertEquals("✔ σ: σ = exp(½·logvar)", reason("full", "t-sigma-check"));
    }

    @Test
    void emptyLearnerVersionGetsNothingAndSaysNotYetAnswered() {
        assertEquals(0, total("empty"));
        for (String check : List.of("t-sigma-check", "t-z-check", "t-fn-check")) assertEquals("not yet answered", reason("empty", check));
    }

    @Test
    void halfDoneGetsTheTutorsHint() {
        assertEquals(1, total("half"));
        assertEquals("✘ σ[0] is 1.105 but should be 1.051: did you use exp(logvar) instead of exp(0.5·logvar)?", reason("half", "t-sigma-check"));
        assertEquals("not yet answered", reason("half", "t-fn-check"));
    }

    @Test
    void infiniteLoopTimesOutAndTheRestIsStillGraded() {
        assertEquals(3, total("loop"));
        assertEquals("not yet answered (the answer cell failed: it timed out)", reason("loop", "t-z-check"));
    }

    @Test
    void systemExitLosesOnlyItsOwnExercise() {
        // The kernel turns a cell's System.exit into an error of that cell (CellExit): the JVM, and the grading, go on.
        assertEquals(3, total("exit"));
        assertTrue(reason("exit", "t-z-check").startsWith("not yet answered (the answer cell failed: SystemExit: System.exit(3) was called"),
                reason("exit", "t-z-check"));
        assertEquals("✔", reason("exit", "t-fn-check").substring(0, 1), reason("exit", "t-fn-check"));
    }

    @Test
    void exceptionAndHugeAllocationAreReported() {
        assertEquals(2, total("exception"));
        assertEquals("not yet answered (the answer cell failed: java.lang.IllegalStateException: oops)", reason("exception", "t-sigma-check"));
        assertEquals(3, total("huge"));
        assertTrue(reason("huge", "t-z-check").contains("OutOfMemoryError"), reason("huge", "t-z-check"));
    }

    @Test
    void hiddenTestsRunAtGradingTime() {
        assertEquals(3, total("hidden"));
        assertEquals("✘ σ(2)[0] is 1.000 but should be 2.718", reason("hidden", "t-fn-check"));
    }

    @Test
    void deletedAndEditedChecksAreReplacedByTheOriginal() {
        assertEquals(4, total("deleted"));
        assertEquals("✔ z: z = μ + σ·ε, entry by entry [the check cell was deleted; the original check was run]", reason("deleted", "t-z-check"));
        assertEquals(2, total("edited"));
        assertEquals("not yet answered [the check cell was edited; the original check was run]", reason("edited", "t-z-check"));
    }

    @Test
    void invalidJsonAndForeignNotebooksScoreZeroWithTheirReason() {
        assertEquals(0, total("invalid"));
        assertTrue(reason("invalid", "t-sigma-check").startsWith("the file is not a readable notebook"), reason("invalid", "t-sigma-check"));
        assertEquals(List.of(new Grader.Score("other", "homework-7.ipynb", "-", 0, 0,
                "not part of this assignment: none of its checks belong to [01-tiny.ipynb]")), byLearner.get("other"));
    }

    @Test
    void reportFilesAndTimeLimits() throws Exception {
        Path out = dir.resolve("out");
        String csv = Files.readString(out.resolve("grades.csv"));
        assertTrue(csv.startsWith("learner,notebook,exercise,points,max points,feedback"), csv);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<img alt=\"mean score per exercise\" src=\"data:image/png;base64,"));
        String feedback = Files.readString(out.resolve("executed/half/01-tiny.html"));
        assertTrue(feedback.contains("did you use exp(logvar) instead of exp(0.5·logvar)?"));
        assertFalse(feedback.contains("http://") || feedback.contains("https://"), "feedback opens offline");
        String summary = Files.readString(out.resolve("summary.csv"));
        // t-z is missed by 6 (empty, loop, exit, huge, edited, invalid), t-fn by 5: since System.exit ends only its own
        // cell (b5130bb), exit no longer loses t-fn too, which had put t-fn first.
        assertTrue(summary.lines().skip(1).findFirst().orElseThrow().startsWith("01-tiny.ipynb · t-z-check"), "the most missed exercise comes first:\n" + summary);
        assertTrue(seconds < 12 * 30, "grading 12 submissions took " + seconds + " s");
    }

    @Test
    void theExecutedChecksCarryTheirVerdictsAsData() {
        Notebook executed = Notebook.read(dir.resolve("out/executed/half/" + NB));
        List<vae.exercise.Verdict> sigma = Scoring.verdicts(OriginalChecks.find(executed, "t-sigma-check"));
        assertEquals(List.of(new vae.exercise.Verdict("σ", true, false, "1.051", "1.105", reason("half", "t-sigma-check"))), sigma);
        List<vae.exercise.Verdict> fn = Scoring.verdicts(OriginalChecks.find(executed, "t-fn-check"));
        assertTrue(!fn.isEmpty() && fn.stream().noneMatch(vae.exercise.Verdict::answered), "t-fn is not answered: " + fn);
    }
}
