package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.exercise.Verdict;
import vae.kernel.notebook.Notebook;
import vae.kernel.runner.NotebookRunner;
import vae.runtime.EnvironmentNames;

/**
 * Exercises whose numbers differ per learner ({@code vae.exercise.Variant}): notebook 03's exercises run as two
 * learners draw different inputs, pass with the solution and reject the planted wrong answers for each; and the grader
 * grades a class of three identities with each learner's own numbers, records them, and tells a learner who ran the
 * notebook as someone else why they lost their points.
 */
class VariantsIT {
    @TempDir static Path dir;

    static final String SETUP = "import vae.exercise.*;";
    static final String ANSWER = """
            double[] lv = Variant.of("t-var").pick("logvar", new double[] {0.4, -1.2}, r -> r.uniforms(2, -2, 2, 1));
            double[] s = null;
            // BEGIN SOLUTION
            s = new double[] {Math.exp(0.5 * lv[0]), Math.exp(0.5 * lv[1])};
            // END SOLUTION
            s""";
    static final String CHECK = """
            // Checks σ = exp(½·logvar) for this learner's logvar.
            Check.closeTo("s", s, new double[] {Math.sqrt(Math.exp(lv[0])), Math.sqrt(Math.exp(lv[1]))}, 1e-9, "σ = exp(½·logvar)");""";

    @Test
    void notebook03PassesAndRejectsItsPlantedWrongAnswersForTwoLearners() throws Exception {
        Path solution = NotebookRuns.SOLUTIONS.resolve("03-sigma-and-z.ipynb");
        Assumptions.assumeTrue(NotebookRuns.selected(List.of(solution)).contains(solution), "notebook 03 is not among -Dnotebooks");
        Map<String, String> inputs = new java.util.HashMap<>();
        for (String learner : List.of("alice", "bob")) {
            Notebook right = run(Notebook.read(solution), learner, "right");
            for (JsonObject cell : right.codeCells()) {
                assertTrue(Notebook.errors(cell).isEmpty(), learner + ": " + Notebook.source(cell).lines().findFirst().orElse("") + " failed: " + Notebook.errors(cell));
                if (Nbgrader.isCheck(cell)) assertTrue(Scoring.verdicts(cell).stream().allMatch(Verdict::passed), learner + ": " + Notebook.outputText(cell));
            }
            Map<String, List<Variants.Line>> lines = Variants.lines(right);
            assertEquals(List.of("03-sigma-by-hand", "03-z-for-a-seven", "03-epsilon-for-mu"), List.copyOf(lines.keySet()));
            lines.values().forEach(l -> l.forEach(line -> assertEquals(learner, line.learner())));
            inputs.put(learner, lines.toString().replace(learner, "?"));

            Notebook wrong = run(LearnerVersions.withWrongAnswers(Notebook.read(solution)), learner, "wrong");
            for (JsonObject cell : wrong.codeCells()) {
                if (!Nbgrader.isCheck(cell)) continue;
                assertTrue(Scoring.verdicts(cell).stream().anyMatch(v -> v.answered() && !v.passed()),
                        learner + ": " + Nbgrader.gradeId(cell) + " did not reject its planted wrong answer: " + Notebook.outputText(cell));
            }
        }
        assertNotEquals(inputs.get("alice"), inputs.get("bob"), "two learners, the same inputs: " + inputs);
    }

    private static Notebook run(Notebook nb, String learner, String name) throws Exception {
        Path in = Files.createDirectories(dir.resolve(learner + "-" + name)).resolve("03-sigma-and-z.ipynb");
        nb.write(in);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        NotebookRuns.start(List.of(java, "-Djava.awt.headless=true", "-cp", NotebookRuns.classpath(), "vae.kernel.Main",
                "run", "--keep-going", "--output-dir", in.getParent().resolve("out").toString(), in.toString()), in.getParent().resolve("run.log"), 240,
                Map.of(EnvironmentNames.VAE_LEARNER, learner, EnvironmentNames.VAE_ANSWERS, vae.exercise.Answers.GRADER.setting()));
        return Notebook.read(NotebookRunner.outputFor(in, in.getParent().resolve("out")));
    }

    /** A notebook of a setup cell, one answer cell drawing its logvar per learner, and its check. */
    static Notebook tiny() {
        JsonArray cells = new JsonArray();
        cells.add(cell("c1", SETUP, null));
        JsonObject answer = new JsonObject();
        answer.addProperty("solution", true);
        answer.addProperty("grade", false);
        answer.addProperty("grade_id", "t-var");
        cells.add(cell("c2", ANSWER, answer));
        JsonObject check = new JsonObject();
        check.addProperty("grade", true);
        check.addProperty("grade_id", "t-var-check");
        check.addProperty("points", 1);
        cells.add(cell("c3", CHECK, check));
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        nb.add("metadata", new JsonObject());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return new Notebook(nb);
    }

    private static JsonObject cell(String id, String source, JsonObject nbgrader) {
        JsonObject c = new JsonObject(), meta = new JsonObject();
        c.addProperty("cell_type", "code");
        c.addProperty("id", id);
        if (nbgrader != null) meta.add("nbgrader", nbgrader);
        c.add("metadata", meta);
        Notebook.setSource(c, source);
        c.add("outputs", new JsonArray());
        c.add("execution_count", com.google.gson.JsonNull.INSTANCE);
        return c;
    }

    /** The submission with the answer cell's code replaced and, as if the learner had run it, {@code printed} as its output. */
    static Notebook submitted(String answerCode, String printed) {
        Notebook nb = tiny();
        for (JsonObject c : nb.cells()) {
            if (!"t-var".equals(Nbgrader.gradeId(c))) continue;
            Notebook.setSource(c, Notebook.source(c).replaceAll("(?s)// BEGIN SOLUTION.*// END SOLUTION", answerCode));
            if (printed != null) {
                JsonObject out = new JsonObject();
                out.addProperty("output_type", "stream");
                out.addProperty("name", "stdout");
                out.addProperty("text", printed + "\n");
                c.getAsJsonArray("outputs").add(out);
            }
        }
        return nb;
    }

    @Test
    void theGraderGradesEachLearnerWithTheirOwnNumbersAndSaysWhenTheyRanAsSomeoneElse() throws Exception {
        Path solutions = Files.createDirectories(dir.resolve("solutions")), in = Files.createDirectories(dir.resolve("submissions"));
        tiny().write(solutions.resolve("01-tiny.ipynb"));
        String byCode = "s = new double[] {Math.exp(0.5 * lv[0]), Math.exp(0.5 * lv[1])};";
        double[] alices = vae.exercise.Variant.of("t-var", "alice").pick("logvar", new double[] {0.4, -1.2}, r -> r.uniforms(2, -2, 2, 1));
        String shared = "s = new double[] {" + Math.exp(0.5 * alices[0]) + ", " + Math.exp(0.5 * alices[1]) + "};";
        // alice computes in code; bob types alice's answer, and his notebook shows he ran it as alice; carol ran it
        // with no name (the book's numbers) and typed the book's answer.
        submitted(byCode, null).write(Files.createDirectories(in.resolve("alice")).resolve("01-tiny.ipynb"));
        submitted(shared, "Your inputs (learner alice): logvar = [" + alices[0] + ", " + alices[1] + "]").write(Files.createDirectories(in.resolve("bob")).resolve("01-tiny.ipynb"));
        submitted("s = new double[] {" + Math.exp(0.2) + ", " + Math.exp(-0.6) + "};", "Your inputs (the book's, the same for every learner): logvar = [0.4, -1.2]")
                .write(Files.createDirectories(in.resolve("carol")).resolve("01-tiny.ipynb"));
        GradingSettings settings = new GradingSettings(30, 120, 512, List.of(), Map.of());
        Grader grader = new Grader(solutions, settings, NotebookRuns.classpath());

        Map<String, Grader.Submission> graded = byLearner(grader.grade(in, dir.resolve("out"), 1, Shard.ALL, System.out));
        Grader.Score alice = graded.get("alice").scores().get(0), bob = graded.get("bob").scores().get(0), carol = graded.get("carol").scores().get(0);
        assertEquals(1, alice.points(), alice.feedback());
        assertEquals("alice", graded.get("alice").identity());
        assertEquals("logvar = [" + fmt(alices[0]) + ", " + fmt(alices[1]) + "]", graded.get("alice").inputs().get("t-var-check"));
        assertNotEquals(graded.get("alice").inputs(), graded.get("bob").inputs(), "each learner's own numbers");
        assertEquals(0, bob.points());
        assertTrue(bob.feedback().contains("shows the inputs of learner alice, but it was graded as learner bob"), bob.feedback());
        assertEquals(0, carol.points());
        assertTrue(carol.feedback().contains("the book's own numbers (no learner set)"), carol.feedback());
        assertFalse(alice.feedback().contains("graded as learner"), alice.feedback());

        // A class list: carol is graded with the book's numbers, her answer then right and no note.
        Map<String, Grader.Submission> listed = byLearner(grader.identities(Map.of("carol", "")).grade(in, dir.resolve("out2"), 1, Shard.ALL, null));
        Grader.Score carolListed = listed.get("carol").scores().get(0);
        assertEquals(1, carolListed.points(), carolListed.feedback());
        assertEquals("", listed.get("carol").identity());
        assertEquals("logvar = [0.4, -1.2]", listed.get("carol").inputs().get("t-var-check"));
        assertNull(listed.get("carol").inputs().get("nothing"));
    }

    private static String fmt(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    private static Map<String, Grader.Submission> byLearner(List<Grader.Submission> graded) {
        Map<String, Grader.Submission> by = new java.util.LinkedHashMap<>();
        for (Grader.Submission s : graded) by.put(s.file().split("/")[0], s);
        return by;
    }
}
