package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/**
 * {@link BatchOfOne} on the smallest graph that needs it: h = x·w + b for each row, loss = mean over rows of Σ h².
 * Its gradients in doubles: dL/dh = 2h/B, dL/db = Σ over rows of 2h/B, dL/dw = xᵀ·(2h/B).
 */
class BatchOfOneTest {
    static { Backend.start(); }

    final INDArray w = Nd4j.createFromArray(new double[][] {{0.5, -1}, {2, 0.25}, {-0.75, 1.5}}), b = Nd4j.createFromArray(0.1, -0.2);
    final INDArray one = Nd4j.createFromArray(new double[][] {{0.3, -0.6, 0.9}});

    /**
     * The bug: the backward pass of {@code sd.nn().linear} fails for an input of one row (its bias gradient's reduce op
     * gets no array), while two rows work. Fixed in a later ND4J, this test fails: BatchOfOne can go.
     */
    @Test
    void linearsBiasGradientFailsForOneRow() {
        SameDiff sd = graph();
        assertThrows(NullPointerException.class, () -> Stdout.quietly(() -> sd.calculateGradients(Map.of("x", one), "b")));
        assertArrayEquals(new long[] {2}, Stdout.quietly(() -> sd.calculateGradients(Map.of("x", Nd4j.concat(0, one, one)), "b")).get("b").shape());
    }

    @Test
    void gradientsOfOneRowAreThoseOfTheRowInItsOwnShape() {
        Map<String, INDArray> g = BatchOfOne.gradients(graph(), Map.of("x", one), "h", "b", "w");
        INDArray dh = h(one).mul(2);   // B = 1
        assertArrayEquals(new long[] {1, 2}, g.get("h").shape(), "d loss/d h is [1, 2], like h of one row");
        assertArrayEquals(dh.toDoubleVector(), g.get("h").toDoubleVector(), 1e-12);
        assertArrayEquals(dh.toDoubleVector(), g.get("b").toDoubleVector(), 1e-12);
        assertArrayEquals(one.transpose().mmul(dh).ravel().toDoubleVector(), g.get("w").ravel().toDoubleVector(), 1e-12);
    }

    @Test
    void gradientsOfManyRowsAreSameDiffsOwn() {
        INDArray three = Nd4j.concat(0, one, one.mul(-2), one.add(1));
        Map<String, INDArray> g = BatchOfOne.gradients(graph(), Map.of("x", three), "h", "b");
        INDArray dh = h(three).mul(2.0 / 3);
        assertArrayEquals(dh.ravel().toDoubleVector(), g.get("h").ravel().toDoubleVector(), 1e-12);
        assertArrayEquals(dh.sum(0).toDoubleVector(), g.get("b").toDoubleVector(), 1e-12);
    }

    @Test
    void aVariableTheLossDoesNotReachKeepsANullGradient() {
        SameDiff sd = graph();
        sd.var("unused", Nd4j.ones(DataType.DOUBLE, 2)).add("unusedPlusOne", 1.0);
        Map<String, INDArray> g = BatchOfOne.gradients(sd, Map.of("x", one), "unusedPlusOne", "h");
        assertNull(g.get("unusedPlusOne"));
        assertArrayEquals(new long[] {1, 2}, g.get("h").shape());
    }

    @Test
    void outputsAndWeightGradientsOfOneRowAreTheRowsOwn() {
        OutAndGrad r = BatchOfOne.outputsAndWeightGradients(graph(), Map.of("x", one), List.of("loss"), List.of("b"));
        INDArray h = h(one);
        assertEquals(h.mul(h).sumNumber().doubleValue(), r.getOutputs().get("loss").getDouble(0), 1e-12, "the mean over the two copies is the one row's");
        assertArrayEquals(h.mul(2).toDoubleVector(), r.getGradients().get("b").toDoubleVector(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchOfOne.outputsAndWeightGradients(graph(), Map.of("x", one), List.of("loss"), List.of("h")));
        assertTrue(e.getMessage().startsWith("'h' is not a weight"), e.getMessage());
    }

    private SameDiff graph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 3);
        SDVariable h = sd.nn().linear("h", x, sd.var("w", w.dup()), sd.var("b", b.dup()));   // [batch, 2]
        sd.setLossVariables(h.mul(h).sum(1).mean("loss"));
        return sd;
    }

    private INDArray h(INDArray x) {
        return x.mmul(w).addRowVector(b);
    }
}
