package vae.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/**
 * A plain training loop, written out rather than hidden in {@code fit()}: shuffle, cut into batches, compute the
 * loss and its gradient, let Adam update the weights; then evaluate on the test images. Nothing here is VAE-specific.
 */
public final class Trainer {
    static { Backend.start(); }

    private final Trainable model;
    private final TrainingConfig config;
    private final Adam adam;
    private final Random random;
    private ProgressListener progress = ProgressListener.NONE;
    private boolean measureEpochZero;

    public Trainer(Trainable model, TrainingConfig config) {
        this(model, config, config.newAdam(model.parameters()));
    }

    /** Goes on from a saved optimizer state, e.g. after loading a checkpoint. */
    public Trainer(Trainable model, TrainingConfig config, Adam adam) {
        this.model = model;
        this.config = config;
        this.adam = adam;
        this.random = new Random(config.seed());
    }

    /** Calls {@code listener} after every batch and every epoch. */
    public Trainer onProgress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /**
     * Makes {@link #fit} first record an epoch 0 ({@link History#hasEpochZero()}): the mean losses on the training and
     * the test images before the first step. Its ε come from a {@code Random} of its own (seeded from the config's seed),
     * so the shuffles, the training ε and therefore every later number are the same as without it.
     */
    public Trainer measureEpochZero() {
        this.measureEpochZero = true;
        return this;
    }

    /** @deprecated one word for the losses before the first step, epoch 0: {@link #measureEpochZero()}. */
    @Deprecated
    public Trainer measureBeforeTraining(boolean measure) {
        this.measureEpochZero = measure;
        return this;
    }

    /** The seed of the Random that draws epoch 0's ε; not the config's seed, whose Random shuffles and trains. */
    static long epochZeroSeed(long seed) { return ~seed; }

    public TrainingConfig config() { return config; }
    public Adam adam() { return adam; }

    /** One Adam step on one batch; returns that batch's losses (before the step). */
    public Map<String, Double> step(INDArray batch) {
        Trainable.Step step = model.lossAndGradients(batch, random);
        adam.step(model.parameters(), step.gradients());
        return step.losses();
    }

    /**
     * Trains for {@code config.epochs()} epochs on the rows of {@code train}, evaluating on {@code test} (may be null)
     * after each. An interrupt of this thread stops it between two batches; the history so far is returned.
     *
     * @throws NonFiniteLossException when a batch's loss is NaN or infinite
     */
    public History fit(INDArray train, INDArray test) {
        History history = new History();
        int n = (int) train.rows();
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        if (measureEpochZero) {
            long start = System.nanoTime();
            Random own = new Random(epochZeroSeed(config.seed()));
            Map<String, Double> trainLosses = evaluate(train, own);
            Map<String, Double> testLosses = test == null ? Map.of() : evaluate(test, own);
            History.Epoch record = new History.Epoch(0, trainLosses, testLosses, (System.nanoTime() - start) / 1e9);
            history.add(record);
            progress.onEpoch(record);
        }
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            int[] order = shuffled(n);
            Map<String, Double> sums = new LinkedHashMap<>();
            for (int b = 0; b < batches; b++) {
                if (Thread.currentThread().isInterrupted()) {
                    history.markInterrupted();
                    return history;
                }
                int from = b * config.batchSize(), size = Math.min(config.batchSize(), n - from);
                int[] rows = java.util.Arrays.copyOfRange(order, from, from + size);
                Map<String, Double> losses = step(Nd4j.pullRows(train, 1, rows));
                double loss = losses.get(Trainable.LOSS);
                if (!Double.isFinite(loss)) throw new NonFiniteLossException(epoch, b + 1, loss);
                losses.forEach((name, value) -> sums.merge(name, value * size, Double::sum));
                progress.onBatch(epoch, config.epochs(), b + 1, batches, loss);
            }
            sums.replaceAll((name, sum) -> sum / n);
            Map<String, Double> testLosses = test == null ? Map.of() : evaluate(test);
            History.Epoch record = new History.Epoch(epoch, sums, testLosses, (System.nanoTime() - start) / 1e9);
            history.add(record);
            progress.onEpoch(record);
        }
        return history;
    }

    /** Mean losses per image over all rows of {@code data}, in batches, with fresh noise. */
    public Map<String, Double> evaluate(INDArray data) {
        return evaluate(data, random);
    }

    private Map<String, Double> evaluate(INDArray data, Random random) {
        int n = (int) data.rows();
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int from = 0; from < n; from += config.batchSize()) {
            int size = Math.min(config.batchSize(), n - from);
            INDArray batch = data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + size), org.nd4j.linalg.indexing.NDArrayIndex.all());
            model.evaluate(batch, random).forEach((name, value) -> sums.merge(name, value * size, Double::sum));
        }
        sums.replaceAll((name, sum) -> sum / n);
        return sums;
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {   // Fisher–Yates with the trainer's seeded Random
            int j = random.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        return order;
    }

    @Override public String toString() { return "Trainer(" + config + ", " + adam + ")"; }
}
