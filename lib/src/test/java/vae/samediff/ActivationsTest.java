package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/** {@link Activations#relu} against SameDiff's own relu: values and gradients, zeros and negatives included. */
class ActivationsTest {
    static { Backend.start(); }

    @Test
    void reluHasTheValuesAndTheGradientOfSameDiffsRelu() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Nd4j.getRandom().setSeed(4);
            INDArray x = Nd4j.rand(type, 6, 3, 5, 5).subi(0.5);
            x.putScalar(0, 0.0);            // at 0 both give 0 and a zero gradient
            x.putScalar(1, -0.0);
            INDArray upstream = Nd4j.rand(type, 6, 3, 5, 5).addi(0.5);
            Map<String, INDArray> plain = run(x, upstream, false), max = run(x, upstream, true);
            assertArrayEquals(plain.get("y").ravel().toDoubleVector(), max.get("y").ravel().toDoubleVector(), 0, type + ": values");
            assertArrayEquals(plain.get("x").ravel().toDoubleVector(), max.get("x").ravel().toDoubleVector(), 0, type + ": gradient");
            assertEquals(0.0, max.get("x").getDouble(0), 0, "gradient at 0");
            // no −0.0 where relu gives +0.0: the values print the same
            for (double v : max.get("y").ravel().toDoubleVector()) if (v == 0) assertEquals(0L, Double.doubleToRawLongBits(v), type + ": +0.0");
        }
    }

    private static Map<String, INDArray> run(INDArray x, INDArray upstream, boolean asMax) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", x.dup());
        SDVariable y = asMax ? Activations.relu(sd, "y", in) : sd.nn().relu("y", in, 0);
        sd.setLossVariables(y.mul(sd.constant(upstream)).sum("loss"));
        Map<String, INDArray> g = Stdout.quietly(() -> sd.calculateGradients(Map.of(), "x"));
        return Map.of("y", sd.output(Map.of(), "y").get("y"), "x", g.get("x"));
    }
}
