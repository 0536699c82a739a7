package vae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/** The library's Adam, one readable pass per weight, against ND4J's own updater: the same weights, step for step. */
class AdamTest {
    static Map<String, INDArray> weights(DataType type, long seed) {
        Random r = new Random(seed);
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("encoderW", Nd4j.rand(type, 30, 7).subi(0.5));
        w.put("encoderB", Nd4j.zeros(type, 7));
        INDArray big = Nd4j.rand(type, 4, 6);
        w.put("aView", big.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()));   // a weight that is a view into a larger array
        w.values().forEach(a -> a.addi(r.nextGaussian() * 0.01));
        return w;
    }

    static Map<String, INDArray> gradients(Map<String, INDArray> like, Random r) {
        Map<String, INDArray> g = new LinkedHashMap<>();
        like.forEach((k, v) -> {
            INDArray a = Nd4j.randn(v.dataType(), v.shape()).muli(r.nextDouble() < 0.2 ? 1e-6 : 0.3);   // some tiny, where ε matters
            g.put(k, a);
        });
        return g;
    }

    static Map<String, INDArray> copy(Map<String, INDArray> m) {
        Map<String, INDArray> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.dup()));
        return c;
    }

    void agreesWithNd4jsUpdater(DataType type, double tolerance) {
        Map<String, INDArray> ours = weights(type, 1), theirs = copy(ours);
        Adam adam = new Adam(3e-3, 0.8, 0.99, 1e-7, ours);
        var config = new org.nd4j.linalg.learning.config.Adam(3e-3, 0.8, 0.99, 1e-7);
        Map<String, GradientUpdater<?>> nd4j = new LinkedHashMap<>();
        theirs.forEach((k, v) -> nd4j.put(k, config.instantiate(Nd4j.zeros(type, 1, 2 * v.length()), true)));
        Random r = new Random(7);
        for (int step = 0; step < 60; step++) {
            Map<String, INDArray> g = gradients(ours, r), h = copy(g);
            adam.step(ours, g);
            for (Map.Entry<String, GradientUpdater<?>> u : nd4j.entrySet()) {
                INDArray gradient = h.get(u.getKey());
                u.getValue().applyUpdater(gradient, step, 0);
                theirs.get(u.getKey()).subi(gradient);
                assertTrue(g.get(u.getKey()).equalsWithEps(gradient, tolerance), "step " + step + ": the step taken for " + u.getKey());
            }
        }
        for (String k : ours.keySet()) {
            double diff = ours.get(k).sub(theirs.get(k)).amaxNumber().doubleValue();
            assertTrue(diff <= tolerance, k + " differs by " + diff + " after 60 steps");
            assertTrue(ours.get(k).sub(weights(type, 1).get(k)).amaxNumber().doubleValue() > 1e-3, k + " moved");
        }
        assertEquals(60, adam.iteration());
    }

    @Test
    void floatWeightsMatchNd4jsAdamForSixtySteps() { agreesWithNd4jsUpdater(DataType.FLOAT, 1e-6); }

    @Test
    void doubleWeightsMatchNd4jsAdamForSixtySteps() { agreesWithNd4jsUpdater(DataType.DOUBLE, 1e-13); }

    @Test
    void aRestoredAdamGoesOnExactlyWhereItStopped() {
        Map<String, INDArray> a = weights(DataType.FLOAT, 3), b = copy(a);
        Adam first = new Adam(1e-3, a);
        Random r = new Random(2);
        for (int i = 0; i < 5; i++) first.step(a, gradients(a, r));
        Adam restored = new Adam(1e-3, copy(a), first.state().dup(), first.iteration());
        Map<String, INDArray> a2 = copy(a);
        Map<String, INDArray> g = gradients(a, r);
        first.step(a, copy(g));
        restored.step(a2, copy(g));
        for (String k : a.keySet()) assertTrue(a.get(k).equalsWithEps(a2.get(k), 0), k);
        assertTrue(b.get("encoderW").sub(a.get("encoderW")).amaxNumber().doubleValue() > 0);
    }

    @Test
    void aMissingOrMisshapenGradientIsRefused() {
        Map<String, INDArray> w = weights(DataType.FLOAT, 1);
        Adam adam = new Adam(1e-3, w);
        Map<String, INDArray> g = gradients(w, new Random(1));
        g.remove("encoderB");
        assertThrows(IllegalArgumentException.class, () -> adam.step(w, g));
        Map<String, INDArray> wrong = gradients(w, new Random(1));
        wrong.put("encoderB", Nd4j.zeros(DataType.FLOAT, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.step(w, wrong));
        assertTrue(e.getMessage().contains("encoderB") && e.getMessage().contains("3"), e.getMessage());
    }
}
