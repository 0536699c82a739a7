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
    static final GradingSettings SETTINGS = new GradingSettings(5, 90, 512, List.of(), Map.of())
            .withDeadline("2026-12-01T12:00:00Z", 10, 10).withLimits(20, 0);
    static Map<String, List<Grader.Score>> byLearner;
    static List<Grader.Score> oneRun;
    static Grader grader;
    static Path in;
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
        in = Files.createDirectories(dir.resolve("submissions"));
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
        String rightZ = RIGHT.get("t-z");
        allBut(learner, "t-z", "new ProcessBuilder(\"sleep\", \"30\").start();\nThread.sleep(3000);\n" + rightZ).write(in.resolve("fork/" + NB));
        allBut(learner, "t-z", "java.nio.file.Files.write(java.nio.file.Path.of(\"big.bin\"), new byte[50 << 20]);\nThread.sleep(3000);\n" + rightZ)
                .write(in.resolve("disk/" + NB));
        // Due at noon with 10 minutes' grace and 10 % off per day or part of a day: 12:05 is on time, 25 h late loses 20 %.
        Files.writeString(in.resolve("full/timestamp.txt"), "2026-12-01 12:05:00.000000 UTC\n");
        all(learner).write(in.resolve("late/" + NB));
        Files.writeString(in.resolve("late/timestamp.txt"), "2026-12-02 13:00:00.000000 UTC\n");

        GradingSettings settings = GradingSettings.defaults().withTimeouts(5, 90);
        grader = new Grader(SOLUTIONS, SETTINGS, NotebookRuns.classpath());
        long start = System.nanoTime();
        List<Grader.Score> scores = report(grader.grade(in, dir.resolve("out"), 1, Shard.ALL, System.out), dir.resolve("out"));
        seconds = (System.nanoTime() - start) / 1e9;
        oneRun = scores;
        byLearner = scores.stream().collect(Collectors.groupingBy(Grader.Score::learner));
        assertEquals(5, settings.cellTimeoutSeconds());
    }

    static List<Grader.Score> report(List<Grader.Submission> graded, Path out) {
        Submissions.write(graded, out);
        GradeReport.write(graded, SETTINGS.deadline(), out);
        return Submissions.scores(graded);
    }

    /** The CSVs, the report and every learner's feedback page of two runs, file by file. */
    static void assertSameResults(Path expected, Path actual) throws Exception {
        for (String f : List.of("grades.csv", "summary.csv", "report.html", "nbgrader-grades.csv")) {
            assertEquals(Files.readString(expected.resolve(f)), Files.readString(actual.resolve(f)), f);
        }
        List<Path> pages = feedbackPages(expected);
        assertEquals(pages, feedbackPages(actual));
        assertEquals(13, pages.size(), "a feedback page per submission of this assignment that could be read: " + pages);
        for (Path page : pages) assertEquals(Files.readString(expected.resolve(page)), Files.readString(actual.resolve(page)), page.toString());
    }

    static List<Path> feedbackPages(Path out) throws Exception {
        try (var files = Files.walk(out.resolve("executed"))) {
            return files.filter(p -> p.toString().endsWith(".html")).map(out::relativize).sorted().toList();
        }
    }

    @Test
    void twoJobsAtOnceGiveTheSameResultsAsOne() throws Exception {
        Path out = dir.resolve("out-2-jobs");
        assertEquals(oneRun, report(grader.grade(in, out, 2, Shard.ALL, System.out), out));
        assertSameResults(dir.resolve("out"), out);
    }

    @Test
    void threeShardsMergedEqualOneRun() throws Exception {
        List<Path> shards = new java.util.ArrayList<>();
        int files = 0;
        for (int k = 1; k <= 3; k++) {
            Path out = dir.resolve("shard-" + k);
            List<Grader.Submission> graded = grader.grade(in, out, 1, new Shard(k, 3), null);
            assertEquals(5, graded.size(), "15 submissions in 3 shards");
            files += graded.size();
            report(graded, out);
            shards.add(out);
        }
        assertEquals(15, files);
        Path merged = dir.resolve("merged");
        assertEquals(oneRun, report(Submissions.merge(shards, merged), merged));
        assertSameResults(dir.resolve("out"), merged);
        IllegalArgumentException twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Submissions.merge(List.of(shards.get(0), shards.get(0)), dir.resolve("merged-twice")));
        assertTrue(twice.getMessage().contains("was graded in more than one of"), twice.getMessage());
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
        assertEquals("✘ σ[0] is 1.105, too high, off by one to ten percent of the answer's size: did you use exp(logvar) instead of exp(0.5·logvar)?",
                reason("half", "t-sigma-check"));
        Grader.Score sigma = byLearner.get("half").stream().filter(s -> s.exercise().equals("t-sigma-check")).findFirst().orElseThrow();
        assertEquals("[1.051, 1.162, 0.9512]", sigma.expected(), "the lecturer's report keeps what the check expected");
        assertEquals("[1.105, 1.350, 0.9048]", sigma.got());
        assertEquals("not yet answered", reason("half", "t-fn-check"));
    }

    @Test
    void infiniteLoopTimesOutAndTheRestIsStillGraded() {
        assertEquals(3, total("loop"));
        assertEquals("your answer cell was stopped after 5 s", reason("loop", "t-z-check"));
        assertEquals(Miss.STOPPED, byLearner.get("loop").get(1).miss());
    }

    @Test
    void systemExitLosesOnlyItsOwnExercise() {
        // The kernel turns a cell's System.exit into an error of that cell (CellExit): the JVM, and the grading, go on.
        assertEquals(3, total("exit"));
        assertTrue(reason("exit", "t-z-check").startsWith("your answer cell failed: SystemExit: System.exit(3) was called"),
                reason("exit", "t-z-check"));
        assertEquals("✔", reason("exit", "t-fn-check").substring(0, 1), reason("exit", "t-fn-check"));
    }

    @Test
    void exceptionAndHugeAllocationAreReported() {
        assertEquals(2, total("exception"));
        assertEquals("your answer cell failed: java.lang.IllegalStateException: oops", reason("exception", "t-sigma-check"));
        assertEquals(Miss.ERROR, byLearner.get("exception").get(0).miss());
        assertEquals(3, total("huge"));
        assertTrue(reason("huge", "t-z-check").contains("OutOfMemoryError"), reason("huge", "t-z-check"));
    }

    @Test
    void hiddenTestsRunAtGradingTime() {
        assertEquals(3, total("hidden"));
        assertEquals("✘ σ(2) is 1.000, too low, off by fifty to a hundred percent of the answer's size: go through the formula step by step and compare each"
                + " step with the cells above", reason("hidden", "t-fn-check"));
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
                "not part of this assignment: none of its checks belong to [01-tiny.ipynb]").withMiss(Miss.ERROR)), byLearner.get("other"));
    }

    @Test
    void reportFilesAndTimeLimits() throws Exception {
        Path out = dir.resolve("out");
        String csv = Files.readString(out.resolve("grades.csv"));
        assertTrue(csv.startsWith("learner,notebook,exercise,points,max points,feedback"), csv);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<p class=\"most-missed\">Most missed: t-z, by 8 of 14 learners (stopped: 3, error: 3, not answered: 2).</p>"), report);
        assertFalse(report.contains("<img") || report.contains("http://") || report.contains("https://"), "the report opens offline, its pictures are its tables");
        String feedback = Files.readString(out.resolve("executed/half/01-tiny.html"));
        assertTrue(feedback.contains("did you use exp(logvar) instead of exp(0.5·logvar)?"));
        assertFalse(feedback.contains("http://") || feedback.contains("https://"), "feedback opens offline");
        String summary = Files.readString(out.resolve("summary.csv"));
        // t-z is missed by 8 (empty, loop, exit, huge, edited, invalid, fork, disk), t-fn by 7: since System.exit ends only
        // its own cell (b5130bb), exit no longer loses t-fn too, which had put t-fn first. Late work is not missed work.
        assertTrue(summary.lines().skip(1).findFirst().orElseThrow().startsWith("01-tiny.ipynb · t-z-check"), "the most missed exercise comes first:\n" + summary);
        assertTrue(seconds < 15 * 30, "grading 15 submissions took " + seconds + " s");
    }

    @Test
    void aSubmissionThatStartsAProcessOrFillsTheDiskIsStoppedWithTheReason() {
        assertEquals(2, total("fork"));
        assertEquals("not run: stopped: it started more processes than the 0 a submission may start (maxProcesses)", reason("fork", "t-z-check"));
        assertEquals(2, total("disk"));
        assertEquals("not run: stopped: it wrote more than the 20 MB a submission may write in its folder (maxDiskMegabytes)", reason("disk", "t-z-check"));
        assertFalse(Files.exists(dir.resolve("out/executed/disk/run-01-tiny")), "a submission's working folder is removed after its run");
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 30")), "the started process was stopped");
    }

    @Test
    void lateWorkLosesItsPenaltyAndIsMarkedLate() throws Exception {
        assertEquals(3.2, total("late"), 1e-9);
        Grader.Score sigma = byLearner.get("late").get(0);
        assertEquals(new Grader.Score("late", NB, "t-sigma-check", 1.6, 2, "✔ σ: σ = exp(½·logvar) [late by 1 d 1 h: −20% of the points]", 25, 0.4, null, null), sigma);
        assertTrue(byLearner.get("full").stream().noneMatch(Grader.Score::late), "12:05 is within the 10 minutes' grace");
        assertTrue(Files.readString(dir.resolve("out/report.html")).contains("<td class=\"text\">late</td><td>3.20</td><td>4.00</td><td data-v=\"0.8\">80%</td>"
                + "<td class=\"text\">01-tiny.ipynb (25 h)</td>"));
        assertTrue(Files.readString(dir.resolve("out/grades.csv")).startsWith("learner,notebook,exercise,points,max points,feedback,hours late,late penalty,expected,got"));
    }

    @Test
    void nbgraderLayoutCsvHasOneRowPerLearnerAndNotebook() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("out/nbgrader-grades.csv"));
        assertEquals("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,max_score", lines.get(0));
        assertTrue(lines.contains("01-tiny,2026-12-01T12:00:00Z,2026-12-02 13:00:00.000000 UTC,late,,,,4,0.8,3.2,4"), String.join("\n", lines));
        assertTrue(lines.contains("01-tiny,2026-12-01T12:00:00Z,2026-12-01 12:05:00.000000 UTC,full,,,,4,0,4,4"), String.join("\n", lines));
        assertTrue(lines.contains("01-tiny,2026-12-01T12:00:00Z,,half,,,,1,0,1,4"), String.join("\n", lines));
        assertEquals(1 + 14, lines.size(), "every learner but the one who handed in another assignment");
    }

    @Test
    void partialCreditGivesAShareOfThePointsPerPassingCheck() {
        Notebook source = Notebook.read(SOLUTIONS.resolve(NB));
        Notebook hidden = Notebook.read(dir.resolve("out/executed/hidden/" + NB));
        GradingRun.Result ran = new GradingRun.Result(0, false, "");
        // hidden passes σ(0) = 1 but not the hidden σ(2) = e: one of the cell's two checks.
        Grader.Score fn = new Scoring(SETTINGS.withPartialCredit(List.of("t-fn-check"))).score("hidden", NB, source, hidden, ran, Map.of()).get(2);
        assertEquals(new Grader.Score("hidden", NB, "t-fn-check", 0.5, 1, "✘ σ(2) is 1.000, too low, off by fifty to a hundred percent of the answer's size: go"
                + " through the formula step by step and compare each step with the cells above (partial credit: 1 of 2 checks passed)")
                .withAnswers("2.718", "1.000").withMiss(Miss.WRONG), fn);
        assertEquals(0, new Scoring(SETTINGS).score("hidden", NB, source, hidden, ran, Map.of()).get(2).points(), "without partial credit, all or nothing");
        // Declared in the notebook: the check cell's metadata {"vae": {"partial_credit": true}}.
        Notebook declared = source.copy();
        OriginalChecks.find(declared, "t-fn-check").getAsJsonObject("metadata").add("vae", com.google.gson.JsonParser.parseString("{\"partial_credit\": true}"));
        assertEquals(0.5, new Scoring(SETTINGS).score("hidden", NB, declared, hidden, ran, Map.of()).get(2).points());
        Notebook empty = Notebook.read(dir.resolve("out/executed/empty/" + NB));
        assertEquals(0, new Scoring(SETTINGS.withPartialCredit(List.of("*"))).score("empty", NB, source, empty, ran, Map.of()).stream()
                .mapToDouble(Grader.Score::points).sum(), "checks not answered give no credit");
    }

    @Test
    void theExecutedChecksCarryTheirVerdictsAsData() {
        Notebook executed = Notebook.read(dir.resolve("out/executed/half/" + NB));
        List<vae.exercise.Verdict> sigma = Scoring.verdicts(OriginalChecks.find(executed, "t-sigma-check"));
        // The grader's runs keep the expected value as data (VAE_ANSWERS=grader); the message never shows it.
        assertEquals(List.of(new vae.exercise.Verdict("σ", true, false, "[1.051, 1.162, 0.9512]", "[1.105, 1.350, 0.9048]", reason("half", "t-sigma-check"))), sigma);
        List<vae.exercise.Verdict> fn = Scoring.verdicts(OriginalChecks.find(executed, "t-fn-check"));
        assertTrue(!fn.isEmpty() && fn.stream().noneMatch(vae.exercise.Verdict::answered), "t-fn is not answered: " + fn);
    }
}
