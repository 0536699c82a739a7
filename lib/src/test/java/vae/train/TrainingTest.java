package vae.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.Mnist;
import vae.model.Vae;
import vae.model.VaeConfig;

class TrainingTest {
    static final INDArray TRAIN = Mnist.train().images(), TEST = Mnist.test().images();

    @Test
    void pytorchExampleReachesItsTestLossInFiveEpochs() {
        // 784-400-20, batch 128, Adam 1e-3 on the 9,000 digits: PyTorch's examples/vae reached ≈134 nats per test image here.
        Vae vae = new Vae(VaeConfig.pytorchExample());
        AtomicInteger batches = new AtomicInteger();
        History history = new Trainer(vae, TrainingConfig.defaults()).onProgress((e, es, b, bs, loss) -> batches.incrementAndGet())
                .fit(TRAIN, TEST);
        assertEquals(5, history.size());
        assertEquals(5 * 71, batches.get(), "9,000 images in batches of 128 make 71 batches per epoch");
        double[] train = history.train("loss");
        for (int e = 1; e < train.length; e++) assertTrue(train[e] < train[e - 1], "train loss should fall every epoch: " + history);
        double test = history.last().test().get("loss");
        System.out.println(history);
        assertTrue(test < 140, "test loss after 5 epochs is " + test + " nats per image; expected below 140 (PyTorch: ≈134)");
        assertEquals(history.last().test().get("reconstructionLoss") + history.last().test().get("kl"), test, 1e-3);
    }

    @Test
    void twoRunsWithOneSeedGiveIdenticalNumbers() {
        INDArray small = Mnist.train().images(0, 512);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(64);
        Vae a = Vae.untrained(), b = Vae.untrained();
        History ha = new Trainer(a, config).fit(small, TEST);
        History hb = new Trainer(b, config).fit(small, TEST);
        assertArrayEquals(ha.train("loss"), hb.train("loss"), 0.0);
        assertArrayEquals(ha.test("loss"), hb.test("loss"), 0.0);
        assertEquals(a.parameterVector(), b.parameterVector());
        History hc = new Trainer(Vae.untrained(), config.withSeed(7)).fit(small, TEST);
        assertFalse(ha.train("loss")[1] == hc.train("loss")[1], "another seed shuffles and samples differently");
    }

    @Test
    void interruptStopsBetweenBatches() throws Exception {
        Vae vae = Vae.untrained();
        Trainer trainer = new Trainer(vae, TrainingConfig.defaults().withEpochs(50).withBatchSize(32));
        AtomicInteger seen = new AtomicInteger();
        History[] result = new History[1];
        Thread thread = new Thread(() -> result[0] = trainer.onProgress((e, es, b, bs, l) -> seen.incrementAndGet()).fit(TRAIN, null));
        thread.start();
        while (seen.get() < 5) Thread.sleep(5);
        long interruptedAt = System.nanoTime();
        thread.interrupt();
        thread.join(5_000);
        assertFalse(thread.isAlive(), "training should stop soon after an interrupt");
        assertTrue((System.nanoTime() - interruptedAt) / 1e9 < 2, "it should stop within a batch or two");
        assertTrue(result[0].interrupted());
        assertTrue(seen.get() < 50 * 282, "it stopped before the end");
        assertTrue(Double.isFinite(vae.parameterVector().sumNumber().doubleValue()), "the weights are whole after the stop");
    }

    @Test
    void nonFiniteLossStopsWithEpochAndBatch() {
        Trainer trainer = new Trainer(Vae.untrained(), TrainingConfig.defaults().withLearningRate(1e12).withEpochs(3));
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> trainer.fit(Mnist.train().images(0, 1024), null));
        assertTrue(e.getMessage().matches("The loss became (NaN|Infinity|-Infinity) at epoch \\d+, batch \\d+: training stopped.*"), e.getMessage());
        assertTrue(e.epoch() >= 1 && e.batch() >= 1);
    }

    @Test
    void terminalProgressBarDrawsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Trainer(Vae.untrained(), TrainingConfig.defaults().withEpochs(1).withBatchSize(100))
                .onProgress(new TerminalProgressBar(new PrintStream(bytes, true))).fit(Mnist.train().images(0, 300), null);
        String out = bytes.toString();
        assertTrue(out.startsWith("\repoch 1/1 ["), out);
        assertTrue(out.contains("batch 3/3 loss"), out);
        assertEquals("epoch 1/5 [###############---------------] batch 5/10 loss 1.50", TerminalProgressBar.render(1, 5, 5, 10, 1.5));
    }

    @Test
    void convVaeTrainsAFewSteps() {
        Vae conv = new Vae(VaeConfig.conv());
        Trainer trainer = new Trainer(conv, TrainingConfig.defaults().withLearningRate(1e-3));
        INDArray batch = Mnist.train().images(0, 32);
        double first = trainer.step(batch).get("loss"), last = first;
        for (int i = 0; i < 15; i++) last = trainer.step(batch).get("loss");
        assertTrue(last < first - 50, "16 Adam steps on one batch should lower the loss a lot: " + first + " → " + last);
        assertTrue(Double.isFinite(trainer.step(Mnist.train().images(40, 1)).get("loss")), "a batch of one image trains too");
    }
}
