package vae.train;

/**
 * How to train, every default in one place.
 *
 * @param epochs       passes over the training images
 * @param batchSize    images per gradient step (PyTorch's VAE example uses 128)
 * @param learningRate Adam's step size (1e-3, as in PyTorch's example)
 * @param seed         seeds the shuffling and every ε, so two runs with one seed give identical numbers
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, long seed) {
    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs is " + epochs + " but must be ≥ 1");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize is " + batchSize + " but must be ≥ 1");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("learningRate is " + learningRate + " but must be > 0");
    }

    /** It's equivalent to this: {@code new TrainingConfig(5, 128, 1e-3, 42)}. */
    public static TrainingConfig defaults() { return new TrainingConfig(5, 128, 1e-3, 42); }

    public TrainingConfig withEpochs(int e) { return new TrainingConfig(e, batchSize, learningRate, seed); }
    public TrainingConfig withBatchSize(int b) { return new TrainingConfig(epochs, b, learningRate, seed); }
    public TrainingConfig withLearningRate(double r) { return new TrainingConfig(epochs, batchSize, r, seed); }
    public TrainingConfig withSeed(long s) { return new TrainingConfig(epochs, batchSize, learningRate, s); }

    @Override public String toString() {
        return "TrainingConfig(epochs=" + epochs + ", batchSize=" + batchSize + ", learningRate=" + learningRate + ", seed=" + seed + ")";
    }
}
