package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vae.kernel.notebook.Notebook;

class LearnerVersionsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static JsonObject cell(String type, String source, String nbgrader) {
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", type);
        JsonObject meta = new JsonObject();
        if (nbgrader != null) meta.add("nbgrader", JsonParser.parseString(nbgrader));
        c.add("metadata", meta);
        Notebook.setSource(c, source);
        if (type.equals("code")) {
            JsonArray outputs = new JsonArray();
            outputs.add(JsonParser.parseString("{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"✔ σ\\n\"]}"));
            c.add("outputs", outputs);
            c.addProperty("execution_count", 3);
        }
        return c;
    }

    @Test
    void solutionsBecomeStubsAndHiddenTestsDisappear() {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        cells.add(cell("code", "double[] sigma = null;\n// BEGIN SOLUTION\nsigma = HandMaths.sigma(logVar);\n// END SOLUTION\nsigma",
                "{\"solution\": true, \"grade\": false, \"grade_id\": \"03-sigma\"}"));
        cells.add(cell("code", "// σ from logvar\nCheck.closeTo(\"σ\", sigma, expected, 1e-3, \"ok\");\n    // BEGIN HIDDEN TESTS\n    Check.closeTo(\"σ\", other, more, 1e-3, \"ok\");\n    // END HIDDEN TESTS\n",
                "{\"solution\": false, \"grade\": true, \"grade_id\": \"03-sigma-check\", \"points\": 2}"));
        cells.add(cell("code", "var chart = GaussianPlots.line(\"a\", \"b\", \"c\", x, y);\nchart", null));
        nb.add("cells", cells);
        Notebook learner = LearnerVersions.of(new Notebook(nb));
        List<JsonObject> out = learner.cells();
        assertEquals("double[] sigma = null;\n// YOUR CODE HERE\nsigma", Notebook.source(out.get(0)));
        assertEquals("// σ from logvar\nCheck.closeTo(\"σ\", sigma, expected, 1e-3, \"ok\");\n", Notebook.source(out.get(1)));
        assertEquals(0, out.get(0).getAsJsonArray("outputs").size(), "the solution's output would give the answer away");
        assertEquals(0, out.get(1).getAsJsonArray("outputs").size());
        assertEquals(1, out.get(2).getAsJsonArray("outputs").size(), "other cells keep their outputs");
        assertTrue(Notebook.source(new Notebook(nb).cells().get(0)).contains("BEGIN SOLUTION"), "the solutions notebook is untouched");
    }

    @Test
    void checkCellsAreLockedAndAnswerCellsCannotBeDeleted() {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        cells.add(cell("code", "// BEGIN SOLUTION\nsigma = s;\n// END SOLUTION\n", "{\"solution\": true, \"grade\": false, \"grade_id\": \"03-sigma\"}"));
        cells.add(cell("code", "Check.closeTo(\"σ\", sigma, e, 1e-3, \"ok\");", "{\"solution\": false, \"grade\": true, \"grade_id\": \"03-sigma-check\", \"points\": 2}"));
        cells.add(cell("code", "var x = 1;", null));
        nb.add("cells", cells);
        List<JsonObject> out = LearnerVersions.of(new Notebook(nb)).cells();
        // nbgrader's LockCells: grade cells neither editable nor deletable, solution cells not deletable.
        assertEquals(JsonParser.parseString("{\"deletable\": false, \"editable\": false}"), withoutNbgrader(out.get(1)));
        assertEquals(JsonParser.parseString("{\"deletable\": false}"), withoutNbgrader(out.get(0)));
        assertEquals(new JsonObject(), out.get(2).getAsJsonObject("metadata"), "other cells stay as they are");
        assertFalse(new Notebook(nb).cells().get(1).getAsJsonObject("metadata").has("editable"), "the solutions notebook is untouched");
    }

    static JsonObject withoutNbgrader(JsonObject cell) {
        JsonObject meta = cell.getAsJsonObject("metadata").deepCopy();
        meta.remove("nbgrader");
        return meta;
    }

    @Test
    void indentedSolutionKeepsItsIndentation() {
        assertEquals("for (int i = 0; i < 3; i++) {\n    // YOUR CODE HERE\n}\n",
                LearnerVersions.stubSolutions("for (int i = 0; i < 3; i++) {\n    // BEGIN SOLUTION\n    z[i] = mu[i];\n    // END SOLUTION\n}\n"));
    }

    @Test
    void committedLearnerVersionsMatchTheirSolutions() {
        for (Edition edition : Edition.present(ROOT)) committedLearnerVersionsMatchTheirSolutions(edition);
    }

    private static void committedLearnerVersionsMatchTheirSolutions(Edition edition) {
        Path solutions = edition.solutions(ROOT);
        List<Path> notebooks = LearnerVersions.solutionNotebooks(solutions);
        List<Path> drifted = LearnerVersions.generate(solutions, edition.learner(ROOT), true);
        assertTrue(drifted.isEmpty(), "learner versions drifted from their solutions (regenerate with ./tutorial learner-versions): " + drifted);
        for (Path solution : notebooks) {
            Notebook learner = Notebook.read(LearnerVersions.learnerPath(solution, edition.learner(ROOT)));
            long exercises = learner.cells().stream().filter(Nbgrader::isCheck).count();
            assertTrue(exercises >= 3, solution.getFileName() + " has " + exercises + " checked exercises; each notebook needs at least 3");
            for (JsonObject c : learner.cells()) {
                if (Nbgrader.isCheck(c)) assertFalse(c.getAsJsonObject("metadata").get("editable").getAsBoolean(), solution.getFileName() + " has an editable check");
                String s = Notebook.source(c);
                assertFalse(s.contains("BEGIN SOLUTION") || s.contains("BEGIN HIDDEN TESTS"), solution.getFileName() + " leaks a solution or hidden test");
            }
        }
    }

    @Test
    void aPlantedWrongAnswerReplacesTheSolutionAndNeverReachesTheLearner() {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        JsonObject answer = cell("code", "double[] sigma = null;\nif (true) {\n    // BEGIN SOLUTION\n    sigma = HandMaths.sigma(logVar);\n    // END SOLUTION\n}\nsigma",
                "{\"solution\": true, \"grade\": false, \"grade_id\": \"03-sigma\"}");
        answer.getAsJsonObject("metadata").add("vae", JsonParser.parseString("{\"wrong_answer\": \"sigma = logVar.clone();\\nsigma[0] = 1;\", \"expect\": [\"σ\"]}"));
        cells.add(answer);
        nb.add("cells", cells);
        Notebook planted = LearnerVersions.withWrongAnswers(new Notebook(nb));
        assertEquals("double[] sigma = null;\nif (true) {\n    sigma = logVar.clone();\n    sigma[0] = 1;\n}\nsigma", Notebook.source(planted.cells().get(0)));
        JsonObject learnerMeta = LearnerVersions.of(new Notebook(nb)).cells().get(0).getAsJsonObject("metadata");
        assertFalse(learnerMeta.getAsJsonObject("vae").has("wrong_answer"), "the learner version has no planted answer");
        assertTrue(learnerMeta.getAsJsonObject("vae").has("expect"), "other vae metadata stays");
        answer.getAsJsonObject("metadata").remove("vae");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LearnerVersions.withWrongAnswers(new Notebook(nb)));
        assertTrue(e.getMessage().contains("03-sigma"), e.getMessage());
    }
}
