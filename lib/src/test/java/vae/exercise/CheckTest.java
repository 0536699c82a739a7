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
        assertEquals("✘ σ[0] is 1.105, too high, off by one to ten percent of the answer's size: did you use exp(logvar) instead of exp(0.5·logvar)?", e.getMessage());
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
        assertEquals("✘ shape is [10, 3], which is not the answer: rows are images", e.getMessage());
        printed(() -> Check.equal("count", 3, 3L, "", null));
    }

    @Test
    void reportSaysWhatPassedAndThatGradingMayRunMore() {
        Check.reset();
        assertEquals("No check has run yet: run the exercise cells and their checks first.", Check.report());
        printed(() -> Check.closeTo("σ", HandMaths.sigma(LOG_VAR), HandMaths.sigma(LOG_VAR), 1e-3, "ok"));
        printed(() -> Check.closeTo("z", (double[]) null, new double[] {1}, 1e-3, "ok"));
        assertThrows(AssertionError.class, () -> Check.equal("shape", 1, 2, "", null));
        assertEquals("1 of 3 checks pass; 1 failing (shape); 1 not yet answered (z).", Check.report());
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
            assertEquals(new Verdict("z", true, false, null, "[1.500]", e.getMessage()), shown.get(1), "a learner's data does not hold the answer either");
            assertEquals("✘ z[0] is 1.500, too low, off by ten to fifty percent of the answer's size: go through the formula step by step and compare each"
                    + " step with the cells above", e.getMessage());
            printed(() -> Check.equal("k", null, 3, "", null));
            assertEquals(new Verdict("k", false, false, null, null, shown.get(2).message()), shown.get(2), "no answer, and none given away");
            assertTrue(shown.get(2).message().startsWith(Check.NOT_ANSWERED + ": k is still null"));
            assertEquals(shown, session.latest());
            assertEquals("1 of 3 checks pass; 1 failing (z); 1 not yet answered (k).", Check.report());
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

    @Test
    void aScalarIsNamedWithoutAnIndex() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.closeTo("the KL", 0.25, 0.5, 1e-3, ""));
        assertEquals("✘ the KL is 0.2500, too low, off by ten to fifty percent of the answer's size: too small by a factor 2: a factor missing"
                + " (a mean instead of a sum? ½ once too often?)", e.getMessage());
        AssertionError other = assertThrows(AssertionError.class, () -> Check.closeTo("σ(2)", 1.0, Math.E, 1e-3, ""));
        assertEquals("✘ σ(2) is 1.000, too low, off by fifty to a hundred percent of the answer's size: go through the formula step by step and compare"
                + " each step with the cells above", other.getMessage());
    }

    @Test
    void withoutAListedMistakeTheHintSaysWhatTheErrorsLookLike() {
        double[] expected = {0.5, -1.0, 2.0};
        assertTrue(message(new double[] {1.0, -2.0, 4.0}, expected).endsWith("too large by a factor 2 in every entry: a factor too many"
                + " (a sum instead of a mean? logvar instead of ½·logvar?)"));
        assertTrue(message(new double[] {-0.5, 1.0, -2.0}, expected).endsWith("the sign is flipped: look for a minus sign"));
        assertTrue(message(new double[] {2.0, 0.5, -1.0}, expected).endsWith("the right values in another order: check which index is which"));
        assertTrue(message(new double[] {0.5, -1.0, 7.0}, expected).endsWith("1 of 3 entries are off (by most at [2]); go through the formula"
                + " step by step and compare each step with the cells above"));
        assertTrue(message(new double[] {0.5, Double.NaN, 2.0}, expected).contains("your answer holds NaN"));
        assertTrue(message(new double[] {1.0, -2.0, 4.0}, expected, Check.mistake(new double[] {1.0, -2.0, 4.0}, "listed")).endsWith(": listed"),
                "a listed mistake comes first");
    }

    private static String message(double[] actual, double[] expected, Check.Mistake... mistakes) {
        return assertThrows(AssertionError.class, () -> Check.closeTo("v", actual, expected, 1e-6, "", mistakes)).getMessage();
    }

    @Test
    void aWrongLengthSaysBothLengthsAndNothingElse() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.closeTo("means", new double[] {1, 2}, new double[] {1, 2, 3}, 1e-6, ""));
        assertEquals("✘ means has 2 entries but should have 3", e.getMessage());
    }

    @Test
    void isTrueShowsWhatCame() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.isTrue("samples", new double[] {1, 2}, false, "", "expected 2,000 samples"));
        assertEquals("✘ samples: expected 2,000 samples (your answer: [1.000, 2.000])", e.getMessage());
    }

    @Test
    void rowsShowTheirShapeAndFirstRowNotJavasIdentityHash() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.isTrue("samples", new double[][] {{1, 2}, {3, 4}, {5, 6}}, false, "", "expected 2 rows"));
        assertEquals("✘ samples: expected 2 rows (your answer: 3 × 2 [1.000, 2.000] …)", e.getMessage());
    }

    @Test
    void aToleranceThatWouldLetZeroPassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.closeTo("std", 0.0, 0.1, 0.1, ""));
        assertTrue(e.getMessage().contains("0 would pass"), e.getMessage());
        assertThrows(AssertionError.class, () -> Check.closeTo("std", 0.0, 0.1, 0.01, ""), "a std of 0 fails for σ = 0.1");
    }

    @Test
    void theReportCountsChecksNotNames() {
        String[] cell = {"a"};
        Verdicts session = new Verdicts(v -> { }, () -> cell[0]);
        Check.use(session);
        try {
            printed(() -> Check.equal("σ", 1, 1, "", null));
            cell[0] = "b";
            assertThrows(AssertionError.class, () -> Check.equal("σ", 1, 2, "", null));
            assertEquals("1 of 2 checks pass; 1 failing (σ).", Check.report(), "two cells, two checks, though both are named σ");
            printed(() -> Check.equal("σ", 2, 2, "", null));
            assertTrue(Check.report().startsWith("✔ All 2 checks pass"), "running a cell again replaces its own verdict: " + Check.report());
        } finally {
            Check.use(new Verdicts());
        }
    }

    /** Where the expected value's printed form stands alone in a text (not as part of a longer number). */
    static boolean mentions(String text, String value) {
        return java.util.regex.Pattern.compile("(?<![\\d.\\-])" + java.util.regex.Pattern.quote(value) + "(?![\\d]|\\.\\d)").matcher(text).find();
    }

    @Test
    void noFailureMessageContainsTheExpectedValue() {
        java.util.Random random = new java.util.Random(7);
        double[] guesses = {0, 1, -1, 0.5, 2, 10, 100};
        for (int trial = 0; trial < 2_000; trial++) {
            double expected = (random.nextBoolean() ? 1 : -1) * Math.exp(random.nextGaussian() * 3);
            double actual = trial % 3 == 0 ? guesses[trial / 3 % guesses.length]
                    : trial % 3 == 1 ? expected * (1 + (random.nextBoolean() ? 1 : -1) * Math.exp(-random.nextInt(12)))
                    : expected * new double[] {2, 0.5, 3, 784, -1}[random.nextInt(5)];
            if (Math.abs(actual - expected) <= Math.abs(expected) * 1e-6) continue;
            String shown = Check.number(expected);
            String scalar = assertThrows(AssertionError.class, () -> Check.closeTo("a", actual, expected, Math.abs(expected) * 1e-6, "")).getMessage();
            assertTrue(!mentions(scalar, shown), "«" + scalar + "» gives away " + shown);
            String array = assertThrows(AssertionError.class, () -> Check.closeTo("a", new double[] {actual, actual}, new double[] {expected, expected},
                    Math.abs(expected) * 1e-6, "")).getMessage();
            assertTrue(!mentions(array, shown), "«" + array + "» gives away " + shown);
            String equal = assertThrows(AssertionError.class, () -> Check.equal("a", actual, expected, "", null)).getMessage();
            assertTrue(!mentions(equal, shown), "«" + equal + "» gives away " + shown);
        }
        AssertionError shape = assertThrows(AssertionError.class, () -> Check.hasShape("x", org.nd4j.linalg.factory.Nd4j.zeros(784), new long[] {1, 784}, ""));
        assertEquals("✘ x has shape [784]: the number of axes (1) is too small", shape.getMessage());
        AssertionError swapped = assertThrows(AssertionError.class, () -> Check.hasShape("x", org.nd4j.linalg.factory.Nd4j.zeros(10, 3), new long[] {3, 10}, ""));
        assertEquals("✘ x has shape [10, 3]: the right sizes in another order (rows and columns swapped?)", swapped.getMessage());
        AssertionError longer = assertThrows(AssertionError.class, () -> Check.hasShape("x", org.nd4j.linalg.factory.Nd4j.zeros(3, 785), new long[] {3, 784}, ""));
        assertEquals("✘ x has shape [3, 785]: axis 1 is too long", longer.getMessage());
    }

    @Test
    void aGotThatPrintsLikeTheAnswerIsPrintedWithMoreDigits() {
        String m = assertThrows(AssertionError.class, () -> Check.closeTo("σ", 1.05126, 1.05124, 1e-6, "")).getMessage();
        assertTrue(m.startsWith("✘ σ is 1.0513, too high, off by less than one percent"), m);
    }

    @Test
    void aGuessOfZeroOrOneLearnsNoFactor() {
        String one = assertThrows(AssertionError.class, () -> Check.closeTo("n", 1.0, 3.0, 1e-6, "")).getMessage();
        assertTrue(!one.contains("factor"), one);
        String slip = assertThrows(AssertionError.class, () -> Check.closeTo("n", 1.5, 3.0, 1e-6, "")).getMessage();
        assertTrue(slip.contains("too small by a factor 2"), slip);
        String odd = assertThrows(AssertionError.class, () -> Check.closeTo("n", 3.0 / 7, 3.0, 1e-6, "")).getMessage();
        assertTrue(!odd.contains("factor"), "7 is no slip a lesson makes: " + odd);
    }

    @Test
    void revealShowsTheAnswerOnRequestUnlessTheLecturerSwitchedItOff() {
        Verdicts session = new Verdicts();
        Check.use(session);
        try {
            assertEquals("No check named rowSum has run yet in this notebook: run its check cell first, then ask again.\n",
                    printed(() -> Check.reveal("rowSum")));
            assertThrows(AssertionError.class, () -> Check.closeTo("rowSum", 3.0, 22.75, 1e-3, ""));
            assertEquals("rowSum: the expected answer is 22.75. Your check stays ✘ until your own code gives it.\n", printed(() -> Check.reveal("rowSum")));
            System.setProperty("VAE_ANSWERS", "hidden");
            String refused = printed(() -> Check.reveal("rowSum"));
            assertTrue(refused.startsWith("Answers are not revealed here") && !refused.contains("22.75"), refused);
            System.setProperty("VAE_ANSWERS", "nonsense");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Check.reveal("rowSum"));
            assertEquals("VAE_ANSWERS is 'nonsense'; expected ask, hidden or grader", bad.getMessage());
        } finally {
            System.clearProperty("VAE_ANSWERS");
            Check.use(new Verdicts());
        }
    }

    @Test
    void theGradersRunsKeepTheExpectedValueInTheDataForTheLecturer() {
        java.util.List<Verdict> shown = new java.util.ArrayList<>();
        Check.use(new Verdicts(shown::add));
        System.setProperty("VAE_ANSWERS", "grader");
        try {
            AssertionError e = assertThrows(AssertionError.class, () -> Check.closeTo("rowSum", 3.0, 22.75, 1e-3, ""));
            assertEquals(new Verdict("rowSum", true, false, "22.75", "3.000", e.getMessage()), shown.get(0));
            assertTrue(!mentions(e.getMessage(), "22.75"), e.getMessage());
        } finally {
            System.clearProperty("VAE_ANSWERS");
            Check.use(new Verdicts());
        }
    }
}
