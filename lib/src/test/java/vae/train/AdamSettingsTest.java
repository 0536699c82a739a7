package vae.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.model.Vae;

/** Adam's β₁, β₂ and ε: shown by toString, carried from a TrainingConfig to its Adam, and used by the update. */
class AdamSettingsTest {
    @Test
    void trainingConfigPrintsEverySettingIncludingAdamsBetasAndEpsilon() {
        assertEquals("TrainingConfig(epochs=5, batchSize=128, learningRate=0.001, adamBetaOne=0.9, adamBetaTwo=0.999, adamEpsilon=1.0E-8, seed=42)",
                TrainingConfig.defaults().toString());
    }

    @Test
    void adamPrintsItsLearningRateBetasEpsilonAndStep() {
        assertEquals("Adam(learningRate=0.001, betaOne=0.9, betaTwo=0.999, epsilon=1.0E-8, iteration=0)",
                new Adam(1e-3, weights(1)).toString());
    }

    @Test
    void defaultsAreKingmaAndBasAndTheShortConstructorKeepsThem() {
        TrainingConfig defaults = TrainingConfig.defaults();
        assertEquals(0.9, defaults.adamBetaOne());
        assertEquals(0.999, defaults.adamBetaTwo());
        assertEquals(1e-8, defaults.adamEpsilon());
        assertEquals(defaults, new TrainingConfig(5, 128, 1e-3, 42));
        assertEquals(new TrainingConfig(5, 128, 1e-3, 0.9, 0.999, 1e-8, 42), defaults);
    }

    @Test
    void aTrainerGivesItsAdamTheConfigsBetasAndEpsilon() {
        TrainingConfig config = TrainingConfig.defaults().withAdamBetaOne(0.5).withAdamBetaTwo(0.99).withAdamEpsilon(1e-6);
        Adam adam = new Trainer(Vae.untrained(), config).adam();
        assertEquals("Adam(learningRate=0.001, betaOne=0.5, betaTwo=0.99, epsilon=1.0E-6, iteration=0)", adam.toString());
    }

    @Test
    void theDefaultSettingsStepExactlyAsBeforeAndOtherBetasStepDifferently() {
        // Adam(lr, weights) is what training used before β₁, β₂, ε could be set: the explicit defaults must match it.
        INDArray before = step(new Adam(1e-2, weights(7)), 7), explicit = step(new Adam(1e-2, 0.9, 0.999, 1e-8, weights(7)), 7);
        assertEquals(before, explicit);
        assertNotEquals(before, step(new Adam(1e-2, 0.5, 0.999, 1e-8, weights(7)), 7), "β₁ reaches ND4J's updater");
        assertNotEquals(before, step(new Adam(1e-2, 0.9, 0.9, 1e-8, weights(7)), 7), "β₂ reaches ND4J's updater");
        assertNotEquals(before, step(new Adam(1e-2, 0.9, 0.999, 1e-1, weights(7)), 7), "ε reaches ND4J's updater");
    }

    @Test
    void betasOutsideZeroToOneAndEpsilonNotPositiveAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withAdamBetaOne(1));
        assertTrue(e.getMessage().contains("betaOne (β₁) is 1.0 but must be in [0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withAdamBetaTwo(-0.1));
        assertTrue(e.getMessage().contains("betaTwo (β₂) is -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 0.9, 0.999, 0, weights(1)));
        assertTrue(e.getMessage().contains("epsilon (ε) is 0.0 but must be > 0"), e.getMessage());
    }

    /** Two small weights, filled from {@code seed}. */
    private static Map<String, INDArray> weights(long seed) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("w", Nd4j.rand(DataType.DOUBLE, 3, 4));
        w.put("b", Nd4j.rand(DataType.DOUBLE, 4));
        return w;
    }

    /** The weights after three steps with gradients filled from {@code seed}, all in one vector. */
    private static INDArray step(Adam adam, long seed) {
        Map<String, INDArray> w = weights(seed);
        for (int i = 0; i < 3; i++) {
            Map<String, INDArray> g = new LinkedHashMap<>();
            w.forEach((name, value) -> g.put(name, value.mul(value).subi(0.3)));   // any gradient that is not 0
            adam.step(w, g);
        }
        return Nd4j.toFlattened(w.values());
    }
}
