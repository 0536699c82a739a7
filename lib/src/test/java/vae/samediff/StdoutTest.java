package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/** What SameDiff M2.1 prints while it builds a gradient graph, and {@link Stdout#quietly} keeping it off System.out. */
class StdoutTest {
    static { Backend.start(); }

    /** The behaviour: a line on System.out per differentiated op. Gone in a later ND4J, this test fails: quietly can go. */
    @Test
    void sameDiffPrintsEveryOpItDifferentiates() {
        String printed = captured(() -> gradientsOfASmallGraph());
        assertTrue(printed.contains("Added differentiated op"), printed);
    }

    @Test
    void quietlyKeepsItOffSystemOutAndGivesTheResult() {
        String printed = captured(() -> assertEquals(1, Stdout.quietly(() -> gradientsOfASmallGraph()).size()));
        assertEquals("", printed);
    }

    @Test
    void quietlyPutsSystemOutBackWhenTheActionFails() {
        PrintStream before = System.out;
        assertThrows(IllegalStateException.class, () -> Stdout.quietly(() -> { throw new IllegalStateException("failed"); }));
        assertSame(before, System.out);
    }

    private static Map<String, ?> gradientsOfASmallGraph() {
        SameDiff sd = SameDiff.create();
        sd.setLossVariables(sd.var("w", Nd4j.ones(DataType.DOUBLE, 2)).mul(3.0).sum("loss"));
        return sd.calculateGradients(Map.of(), "w");
    }

    private static String captured(Runnable action) {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
