package vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import vae.data.Digits;
import vae.data.Mnist;
import vae.model.Noise;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.plot.TrainingPlots;
import vae.train.History;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * The names issue 23 replaced (one word per idea) still work for a learner's notebook written with them, and give
 * exactly what the new names give.
 */
@SuppressWarnings("deprecation")
class OldNamesTest {
    final Vae vae = Vae.untrained();

    @Test
    void theVaesOldNamesGiveWhatTheNewOnesGive() {
        assertEquals(VaeConfig.lesson(), Vae.lesson().config());
        assertEquals(Vae.lesson().parameterVector(), vae.parameterVector());   // the same seed, so the same weights
        assertEquals(vae.epsilon(3, new Random(4)), vae.noise(3, new Random(4)));
        assertEquals(vae.epsilon(3, new Random(4)), Noise.standardNormal(new Random(4), 3, vae.latentSize(), vae.config().dataType()));
        assertEquals(vae.parameterNames(), vae.trainableVariables());
        assertEquals(vae.parameterCopies(), vae.weights());
    }

    @Test
    void theDigitsOldNamesGiveWhatTheNewOnesGive() {
        Digits test = Mnist.test();
        assertEquals(test.firstImageOfDigit(7), test.firstOf(7));
        assertEquals(test.images(100, 5), test.range(100, 5));
        assertArrayEquals(new long[] {5, 784}, test.images(100, 5).shape());
        assertEquals(test.image(104), test.images(100, 5).getRow(4, true));   // a count from `from`, not an end
    }

    @Test
    void theTrainersAndPlotsOldNamesGiveWhatTheNewOnesGive() {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withBatchSize(64);
        History old = new Trainer(Vae.untrained(), config).measureBeforeTraining(true).fit(Mnist.train().images(0, 128), Mnist.test().images(0, 64));
        History now = new Trainer(Vae.untrained(), config).measureEpochZero().fit(Mnist.train().images(0, 128), Mnist.test().images(0, 64));
        assertTrue(old.hasEpochZero() && now.hasEpochZero());
        assertArrayEquals(now.test("loss"), old.test("loss"), 0);

        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("a", now);
        XYChart withBooleans = TrainingPlots.compare("kl", runs, "kl", true, true);
        XYChart withOptions = TrainingPlots.compare("kl", runs, "kl", TrainingPlots.Option.TRAIN_CURVES, TrainingPlots.Option.LOG_AXIS);
        assertEquals(withOptions.getSeriesCollection().stream().map(XYSeries::getName).toList(),
                withBooleans.getSeriesCollection().stream().map(XYSeries::getName).toList());
        assertEquals(withOptions.getStyler().isYAxisLogarithmic(), withBooleans.getStyler().isYAxisLogarithmic());
        assertEquals(1, TrainingPlots.compare("kl", runs, "kl").getSeriesCollection().size());   // no option: the test curve alone
    }
}
