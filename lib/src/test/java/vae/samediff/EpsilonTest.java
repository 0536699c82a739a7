package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.ops.SDRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/** ε as a placeholder of any batch size, and why it is not drawn inside the graph. */
class EpsilonTest {
    static { Backend.start(); }

    /**
     * The behaviour: every {@code sd.random().normal} of M2.1 takes its shape as numbers fixed when the graph is built
     * (a {@code long...}), never as a variable, so it cannot be [batch, latent] for the batch fed in x. If a later ND4J
     * takes a shape variable, this test fails: ε could then be drawn in the graph (though the lessons still feed their own).
     */
    @Test
    void inGraphNormalTakesOnlyAFixedShape() {
        Method[] normals = Arrays.stream(SDRandom.class.getMethods()).filter(m -> m.getName().equals("normal")).toArray(Method[]::new);
        assertTrue(normals.length > 0);
        for (Method m : normals) {
            Class<?>[] p = m.getParameterTypes();
            assertTrue(p[p.length - 1] == long[].class && Arrays.stream(p).noneMatch(SDVariable.class::equals), m.toString());
        }
    }

    @Test
    void thePlaceholderTakesAnyBatch() {
        SameDiff sd = SameDiff.create();
        SDVariable twice = Epsilon.placeholder(sd, "epsilon", DataType.FLOAT, -1, 3).mul("twice", 2.0);
        for (int batch : new int[] {1, 5}) {
            assertArrayEquals(new long[] {batch, 3}, sd.output(Map.of("epsilon", Nd4j.ones(DataType.FLOAT, batch, 3)), "twice").get("twice").shape());
        }
    }
}
