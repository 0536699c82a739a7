package vae.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import vae.maths.HandMaths;

class CheckTest {
    static final double[] LOG_VAR = {0.1, 0.6, -0.1};

    private String printed(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true));
        try { r.run(); } finally { System.setOut(old); }
        return bytes.toString();
    }

    @Test
    void aWrongSigmaGetsTheHintForItsMistake() {
        double[] expOfLogVar = {Math.exp(0.1), Math.exp(0.6), Math.exp(-0.1)};
        AssertionError e = assertThrows(AssertionError.class, () -> Check.closeTo("σ", expOfLogVar, HandMaths.sigma(LOG_VAR), 1e-3, "",
                Check.mistake(expOfLogVar, "did you use exp(logvar) instead of exp(0.5·logvar)?")));
        assertEquals("✘ σ[0] is 1.105 but should be 1.051: did you use exp(logvar) instead of exp(0.5·logvar)?", e.getMessage());
    }

    @Test
    void aRightAnswerPrintsTheTickAndWhy() {
        String out = printed(() -> Check.closeTo("σ", HandMaths.sigma(LOG_VAR), HandMaths.sigma(LOG_VAR), 1e-3, "σ = exp(½·logvar) is always positive"));
        assertEquals("✔ σ: σ = exp(½·logvar) is always positive\n", out);
    }

    @Test
    void anUnansweredExerciseSaysSoWithoutFailing() {
        String out = printed(() -> Check.closeTo("σ", (double[]) null, HandMaths.sigma(LOG_VAR), 1e-3, "why"));
        assertTrue(out.startsWith(Check.NOT_ANSWERED + ": σ is still null"), out);
    }

    @Test
    void equalComparesArraysAndNumbers() {
        printed(() -> Check.equal("shape", new long[] {3, 10}, new long[] {3, 10}, "one row per image", null));
        AssertionError e = assertThrows(AssertionError.class, () -> Check.equal("shape", new long[] {10, 3}, new long[] {3, 10}, "", "rows are images"));
        assertEquals("✘ shape is [10, 3] but should be [3, 10]: rows are images", e.getMessage());
        printed(() -> Check.equal("count", 3, 3L, "", null));
    }

    @Test
    void reportSaysWhatPassedAndThatGradingMayRunMore() {
        Check.reset();
        assertEquals("No check has run yet: run the exercise cells and their checks first.", Check.report());
        printed(() -> Check.closeTo("σ", HandMaths.sigma(LOG_VAR), HandMaths.sigma(LOG_VAR), 1e-3, "ok"));
        printed(() -> Check.closeTo("z", (double[]) null, new double[] {1}, 1e-3, "ok"));
        assertThrows(AssertionError.class, () -> Check.equal("shape", 1, 2, "", null));
        assertEquals("1 of 3 checks pass; failing: shape; not yet answered: z.", Check.report());
        printed(() -> Check.closeTo("z", new double[] {1}, new double[] {1}, 1e-3, "ok"));
        printed(() -> Check.equal("shape", 2, 2, "", null));
        assertTrue(Check.report().startsWith("✔ All 3 checks pass. When your work is graded, more checks may run"), Check.report());
        Check.reset();
    }

    @Test
    void everyCheckGivesItsVerdictAsDataToTheSessionsVerdicts() {
        java.util.List<Verdict> shown = new java.util.ArrayList<>();
        Verdicts session = new Verdicts(shown::add);
        Check.use(session);
        try {
            String out = printed(() -> Check.closeTo("σ", HandMaths.sigma(LOG_VAR), HandMaths.sigma(LOG_VAR), 1e-3, "ok"));
            assertEquals(new Verdict("σ", true, true, "[1.051, 1.350, 0.9512]", "[1.051, 1.350, 0.9512]", "✔ σ: ok"), shown.get(0));
            assertEquals(out, shown.get(0).message() + "\n", "the data carries the sentence the learner reads");
            AssertionError e = assertThrows(AssertionError.class, () -> Check.closeTo("z", new double[] {1.5}, new double[] {2}, 1e-3, ""));
            assertEquals(new Verdict("z", true, false, "2.000", "1.500", e.getMessage()), shown.get(1));
            printed(() -> Check.equal("k", null, 3, "", null));
            assertEquals(new Verdict("k", false, false, null, null, shown.get(2).message()), shown.get(2), "no answer, and none given away");
            assertTrue(shown.get(2).message().startsWith(Check.NOT_ANSWERED + ": k is still null"));
            assertEquals(shown, session.latest());
            assertEquals("1 of 3 checks pass; failing: z; not yet answered: k.", Check.report());
        } finally {
            Check.use(new Verdicts());
        }
    }

    @Test
    void eachSessionKeepsItsOwnVerdicts() {
        Verdicts first = new Verdicts(), second = new Verdicts();
        Check.use(first);
        printed(() -> Check.equal("a", 1, 1, "", null));
        Check.use(second);
        assertEquals("No check has run yet: run the exercise cells and their checks first.", Check.report());
        printed(() -> Check.equal("b", 1, 1, "", null));
        assertEquals(java.util.List.of("a"), first.latest().stream().map(Verdict::name).toList());
        assertEquals(java.util.List.of("b"), second.latest().stream().map(Verdict::name).toList());
        Check.use(new Verdicts());
    }

    @Test
    void aVerdictReadsBackFromItsJsonAsObjectOrText() {
        Verdict v = new Verdict("σ", true, false, "1.051", "1.105", "✘ σ[0] is 1.105 but should be 1.051");
        String json = v.toJson();
        assertEquals("{\"name\":\"σ\",\"answered\":true,\"passed\":false,\"expected\":\"1.051\",\"got\":\"1.105\","
                + "\"message\":\"✘ σ[0] is 1.105 but should be 1.051\"}", json);
        assertEquals(v, Verdict.fromJson(com.google.gson.JsonParser.parseString(json)));
        assertEquals(v, Verdict.fromJson(new com.google.gson.JsonPrimitive(json)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Verdict.fromJson(com.google.gson.JsonParser.parseString("{\"passed\": true}")));
        assertTrue(e.getMessage().startsWith("not a check verdict (application/vnd.vae.check+json)"), e.getMessage());
    }
}
