package vae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.Mnist;
import vae.model.Vae;

/** Epoch 0: the losses before the first step, measured without touching the training's random draws. */
class EpochZeroTest {
    static final INDArray TRAIN = Mnist.train().images(0, 512), TEST = Mnist.test().images(0, 128);
    static final TrainingConfig CONFIG = TrainingConfig.defaults().withEpochs(2).withBatchSize(64);

    @Test
    void epochZeroComesFirstAndLeavesTheTrainingAsItWas() {
        List<Double> plainBatches = new ArrayList<>(), measuredBatches = new ArrayList<>();
        Vae plainVae = Vae.untrained(), measuredVae = Vae.untrained();
        History plain = new Trainer(plainVae, CONFIG).onProgress((e, es, b, bs, loss) -> plainBatches.add(loss)).fit(TRAIN, TEST);
        History measured = new Trainer(measuredVae, CONFIG).measureEpochZero()
                .onProgress((e, es, b, bs, loss) -> measuredBatches.add(loss)).fit(TRAIN, TEST);

        assertEquals(2, plain.size());
        assertFalse(plain.hasEpochZero());
        assertEquals(3, measured.size());
        assertEquals(2, measured.trainedEpochs());
        assertTrue(measured.hasEpochZero());
        assertArrayEquals(new double[] {0, 1, 2}, measured.epochNumbers(), 0);
        assertArrayEquals(new double[] {1, 2}, plain.epochNumbers(), 0);
        assertEquals(0, measured.epochs().get(0).number());

        // the same batches, epochs and weights as without epoch 0: its ε come from a Random of their own
        assertEquals(plainBatches, measuredBatches);
        for (String loss : new String[] {"loss", "reconstructionLoss", "kl"}) {
            assertArrayEquals(plain.train(loss), java.util.Arrays.copyOfRange(measured.train(loss), 1, 3), 0, loss);
            assertArrayEquals(plain.test(loss), java.util.Arrays.copyOfRange(measured.test(loss), 1, 3), 0, loss);
        }
        assertEquals(plainVae.parameterVector(), measuredVae.parameterVector());
        assertTrue(measured.toString().startsWith("History(2 epochs and epoch 0)"), measured.toString());
        assertTrue(plain.toString().startsWith("History(2 epochs)"), plain.toString());
        assertTrue(measured.trainingSeconds() > 0);
    }

    @Test
    void epochZeroHoldsTheUntrainedModelsLosses() {
        History measured = new Trainer(Vae.untrained(), CONFIG).measureEpochZero().fit(TRAIN, TEST);
        History.Epoch zero = measured.epochs().get(0);
        // the KL needs no ε: an untrained model's, as any evaluation of it gives
        Vae untrained = Vae.untrained();
        assertEquals(new Trainer(untrained, CONFIG).evaluate(TEST).get("kl"), zero.test().get("kl"), 1e-4);
        assertEquals(new Trainer(untrained, CONFIG).evaluate(TRAIN).get("kl"), zero.train().get("kl"), 1e-4);
        // the whole loss with epoch 0's own ε, drawn from Random(~seed): train set first, then test set
        java.util.Random own = new java.util.Random(Trainer.epochZeroSeed(CONFIG.seed()));
        double sum = 0;
        for (int from = 0; from < 512; from += 64) sum += untrained.evaluate(TRAIN.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + 64),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), own).get("loss") * 64;
        assertEquals(sum / 512, zero.train().get("loss"), 1e-3);
        assertTrue(zero.train().get("loss") > measured.train("loss")[1], "training lowers the loss: " + measured);
        assertTrue(zero.test().get("loss") > measured.test("loss")[2], "training lowers the test loss: " + measured);
        assertEquals(zero.train().get("reconstructionLoss") + zero.train().get("kl"), zero.train().get("loss"), 1e-3);
    }

    @Test
    void withoutATestSetEpochZeroHasTrainLossesOnly() {
        History measured = new Trainer(Vae.untrained(), CONFIG.withEpochs(1)).measureEpochZero().fit(TRAIN, null);
        assertEquals(2, measured.size());
        assertTrue(measured.epochs().get(0).test().isEmpty());
        assertTrue(Double.isNaN(measured.test("loss")[0]));
        assertTrue(measured.train("loss")[0] > 0);
    }
}
