package vae.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vae.runtime.EnvironmentNames;

class VariantTest {
    static final double[] BOOK = {0.4, -1.2, 0.0, 2.0};

    @AfterEach
    void noLearner() {
        System.clearProperty(EnvironmentNames.VAE_LEARNER);
        Learner.name(null);
    }

    private static double[] logVarOf(String learner) {
        return Variant.of("03-sigma-by-hand", learner).pick("logvar", BOOK, r -> r.uniforms(4, -2, 2, 1));
    }

    private static String printed(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try { r.run(); } finally { System.setOut(old); }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noLearnerGetsTheBooksOwnNumbers() {
        double[] book = BOOK.clone();
        assertSame(book, Variant.of("03-sigma-by-hand", null).pick("logvar", book, r -> r.uniforms(4, -2, 2, 1)));
        assertEquals(7, Variant.of("03-z-for-a-seven", " ").pick("k", 7, r -> r.integer(1, 99)));
    }

    @Test
    void twoLearnersGetDifferentInputs() {
        double[] alice = logVarOf("alice"), bob = logVarOf("bob");
        assertFalse(Arrays.equals(alice, bob), Arrays.toString(alice) + " " + Arrays.toString(bob));
        assertFalse(Arrays.equals(alice, BOOK));
        for (double v : alice) assertTrue(v >= -2 && v <= 2 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, "in range, one decimal: " + v);
    }

    @Test
    void theSameLearnerGetsTheSameInputsEveryTime() {
        assertArrayEquals(logVarOf("alice"), logVarOf("alice"));
        assertNotEquals(Variant.of("03-sigma-by-hand", "alice").pick("μ", 1.0, r -> r.uniform(-2, 2, 3)),
                Variant.of("03-epsilon-for-mu", "alice").pick("μ", 1.0, r -> r.uniform(-2, 2, 3)), "another exercise, other numbers");
    }

    /** The seed from its specification (SHA-256 of "gradeId\nlearner\nname", first 8 bytes big-endian), not from Variant. */
    @Test
    void theNumbersFollowTheSpecifiedSeedOnAnyMachine() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("03-sigma-by-hand\nalice\nlogvar".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(ByteBuffer.wrap(hash, 0, 8).getLong());
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) expected[i] = Math.round((-2 + 4 * random.nextDouble()) * 10) / 10.0 + 0.0;
        assertArrayEquals(expected, logVarOf("alice"));
        // The seed as hex from the same specification, to pin it against any change of the hashing: sha256sum of
        // printf '03-sigma-by-hand\nalice\nlogvar' starts with these 16 hex digits.
        assertEquals("02718cf4afdae9b4", String.format("%016x", Variant.seed("03-sigma-by-hand", "alice", "logvar")));
        assertArrayEquals(new double[] {0, 2, 0.4, -1.1}, logVarOf("alice"), "alice's logvar in notebook 03, pinned");
    }

    @Test
    void theGradersSettingWinsOverTheNameInTheSetupCell() {
        Learner.name("bob");
        assertEquals("bob", Learner.current());
        System.setProperty(EnvironmentNames.VAE_LEARNER, "alice");
        assertEquals("alice", Learner.current());
        assertArrayEquals(logVarOf("alice"), Variant.of("03-sigma-by-hand").pick("logvar", BOOK, r -> r.uniforms(4, -2, 2, 1)));
    }

    @Test
    void theLearnerSeesTheirInputsPrinted() {
        assertEquals("Your inputs (the book's, the same for every learner): logvar = [0.4, -1.2, 0, 2]\n", printed(() -> logVarOf(null)));
        double[] alice = logVarOf("alice");
        String line = printed(() -> logVarOf("alice"));
        assertTrue(line.startsWith("Your inputs (learner alice): logvar = ["), line);
        assertTrue(line.contains(String.valueOf(alice[0]).replaceAll("\\.0$", "")), line);
    }

    @Test
    void drawsStayInTheirRange() {
        Variant.Draw draw = new Variant.Draw(42);
        for (int i = 0; i < 1000; i++) {
            int k = draw.integer(3, 5);
            assertTrue(k >= 3 && k <= 5, "k = " + k);
            double[] z = draw.around(new double[] {10}, -1, 1, 2);
            assertTrue(z[0] >= 9 && z[0] <= 11, "z = " + z[0]);
        }
        assertEquals("0.0", String.valueOf(Variant.Draw.round(-0.0001, 2)), "never −0.0");
    }
}
