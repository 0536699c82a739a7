package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;
import vae.data.Digits;
import vae.data.Mnist;
import vae.model.Vae;
import vae.model.VaeConfig;

/**
 * Under one of ND4J's oneDNN builds ({@code mvn test -Ponednn-avx512}, {@code -Ponednn}): the VAE computes what it
 * computes without oneDNN, because oneDNN runs only the ops in {@link OneDnn#PROVEN}; and the M2.1 bug that makes this
 * necessary. Under any other build the oneDNN tests are skipped (they need its natives) and the last one runs.
 */
class OneDnnTest {
    static { Backend.start(); }
    private static final Digits TRAIN = Mnist.train();

    /** Added after the library's listener, so it sees the switch as each op meets it, or overrides it. */
    private static final class Helpers extends BaseListener {
        final Map<String, Boolean> allowedByOp = new TreeMap<>();
        Boolean force;   // null: only watch

        @Override public boolean isActive(Operation operation) { return true; }

        @Override public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext context) {
            if (force != null) Nd4j.getEnvironment().allowHelpers(force);
            allowedByOp.merge(op.getOp().opName(), Nd4j.getEnvironment().helpersAllowed(), Boolean::logicalOr);
        }
    }

    @Test
    void onlyTheProvenOpsRunOnOneDnn() {
        assumeTrue(OneDnn.loaded(), "needs a oneDNN build; natives here: " + Backend.natives());
        Vae vae = new Vae(VaeConfig.conv());
        Helpers watch = new Helpers();
        vae.graph().addListeners(watch);
        vae.gradients(TRAIN.batch(1, 2, 3), vae.epsilon(3, new Random(1)), "conv1W", "deconv1W");
        Set<String> onOneDnn = new TreeSet<>();
        watch.allowedByOp.forEach((op, allowed) -> { if (allowed) onOneDnn.add(op); });
        assertEquals(new TreeSet<>(Set.of("conv2d", "conv2d_bp", "deconv2d", "deconv2d_bp")), onOneDnn,
                "ops the conv VAE ran with oneDNN allowed, of " + watch.allowedByOp.keySet());
        assertFalse(Nd4j.getEnvironment().helpersAllowed(), "switched off again after the last op");
    }

    @Test
    void onlyAGraphWithConvolutionsCarriesTheListener() {
        assumeTrue(OneDnn.loaded(), "needs a oneDNN build; natives here: " + Backend.natives());
        assertTrue(Vae.untrained().graph().getListeners().stream().noneMatch(l -> l instanceof OneDnn), "the MLP graph: no conv2d, no listener");
        assertTrue(new Vae(VaeConfig.conv()).graph().getListeners().stream().anyMatch(l -> l instanceof OneDnn), "the conv VAE's graph");
    }

    @Test
    void theConvVaeHasTheSameLossesAndGradientsWithAndWithoutOneDnn() {
        assumeTrue(OneDnn.loaded(), "needs a oneDNN build; natives here: " + Backend.natives());
        Vae vae = new Vae(VaeConfig.conv());
        INDArray x = TRAIN.images(0, 64), epsilon = vae.epsilon(64, new Random(2));
        String[] weights = vae.parameterNames().toArray(new String[0]);
        Map<String, INDArray> withOneDnn = vae.gradients(x, epsilon, weights);
        double lossWith = vae.forward(x, epsilon).get("loss").getDouble(0);
        Helpers off = new Helpers();
        off.force = false;
        vae.graph().addListeners(off);
        Map<String, INDArray> without = vae.gradients(x, epsilon, weights);
        double lossWithout = vae.forward(x, epsilon).get("loss").getDouble(0);
        assertFalse(off.allowedByOp.containsValue(true), "the second pass ran without oneDNN");
        assertEquals(lossWithout, lossWith, 1e-5 * Math.abs(lossWithout), "loss");
        for (String w : weights) {
            double scale = without.get(w).amaxNumber().doubleValue(), worst = without.get(w).sub(withOneDnn.get(w)).amaxNumber().doubleValue();
            assertTrue(worst <= 5e-4 * Math.max(scale, 1e-3), w + ": off by " + worst + " where the largest value is " + scale);
        }
    }

    /** The M2.1 bug kept off oneDNN: with its xw_plus_b, a batch of 3 decodes its first image to other pixels than alone. */
    @Test
    void oneDnnsXwPlusBGivesABatchOtherRowsThanEachImageAlone() {
        assumeTrue(OneDnn.loaded(), "needs a oneDNN build; natives here: " + Backend.natives());
        Vae vae = Vae.untrained();
        Helpers all = new Helpers();
        all.force = true;   // oneDNN for every op, as the build does by default
        vae.graph().addListeners(all);
        INDArray epsilon = vae.epsilon(3, new Random(5));
        INDArray batch = vae.forward(TRAIN.batch(7, 8, 9), epsilon).reconstruction().getRow(0);
        INDArray alone = vae.forward(TRAIN.image(7), epsilon.getRow(0, true)).reconstruction().reshape(784);
        Nd4j.getEnvironment().allowHelpers(false);
        double off = batch.sub(alone).amaxNumber().doubleValue();
        assertTrue(off > 0.01, "if this fails, oneDNN's xw_plus_b has been mended and OneDnn.PROVEN may grow; off by " + off);
    }

    @Test
    void withoutOneDnnNoListenerIsAdded() {
        assumeFalse(OneDnn.loaded(), "natives here: " + Backend.natives());
        SameDiff sd = SameDiff.create();
        OneDnn.useForConvolutions(sd);
        assertTrue(sd.getListeners() == null || sd.getListeners().isEmpty(), String.valueOf(sd.getListeners()));
    }
}
