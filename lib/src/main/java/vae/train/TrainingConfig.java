package vae.train;

import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/**
 * How to train. Every setting, its default and what it means stand in one block, {@link Builder} (as minGPT's
 * {@code get_default_config}); {@link #defaults()} is that block as it stands, a {@code withX} changes one setting of a
 * copy, and {@code toString()} prints them all. A new setting is a line in the block, a component here and its wither.
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double adamBetaOne, double adamBetaTwo,
                             double adamEpsilon, long seed) {

    /** Every setting with its default, one a line; set some, then {@link #build()}. */
    public static final class Builder {
        public int epochs = 5;                                 // passes over the training images
        public int batchSize = 128;                            // images per gradient step (PyTorch's VAE example uses 128)
        public double learningRate = 1e-3;                     // Adam's step size (1e-3, as in PyTorch's example)
        public double adamBetaOne = Adam.DEFAULT_BETA_ONE;     // Adam's β₁ (0.9), the decay of its running mean of the gradients
        public double adamBetaTwo = Adam.DEFAULT_BETA_TWO;     // Adam's β₂ (0.999), the same for the squared gradients; not the VAE's β
        public double adamEpsilon = Adam.DEFAULT_EPSILON;      // Adam's ε (1e-8), keeps its division finite; not the ε of z = μ + σ·ε
        public long seed = 42;                                 // seeds the shuffling and every ε of z = μ + σ·ε: one seed, identical numbers

        public Builder() {}

        Builder(TrainingConfig c) {
            epochs = c.epochs; batchSize = c.batchSize; learningRate = c.learningRate; adamBetaOne = c.adamBetaOne;
            adamBetaTwo = c.adamBetaTwo; adamEpsilon = c.adamEpsilon; seed = c.seed;
        }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, learningRate, adamBetaOne, adamBetaTwo, adamEpsilon, seed);
        }
    }

    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException(Language.text("error.training.epochs", epochs));
        if (batchSize < 1) throw new IllegalArgumentException(Language.text("error.training.batchSize", batchSize));
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException(Language.text("error.training.learningRate", learningRate));
        Adam.checkSettings(adamBetaOne, adamBetaTwo, adamEpsilon);
    }

    /**
     * Adam with its default β₁, β₂ and ε.
     *
     * @deprecated a new setting would have to be added here too: use {@code TrainingConfig.defaults().withEpochs(…)
     * .withBatchSize(…).withLearningRate(…).withSeed(…)} ({@link #defaults()})
     */
    @Deprecated
    public TrainingConfig(int epochs, int batchSize, double learningRate, long seed) {
        this(epochs, batchSize, learningRate, Adam.DEFAULT_BETA_ONE, Adam.DEFAULT_BETA_TWO, Adam.DEFAULT_EPSILON, seed);
    }

    /**
     * The defaults of {@link Builder}. Printed: {@code TrainingConfig(epochs=5, batchSize=128, learningRate=0.001,
     * adamBetaOne=0.9, adamBetaTwo=0.999, adamEpsilon=1.0E-8, seed=42)}.
     */
    public static TrainingConfig defaults() { return new Builder().build(); }

    public TrainingConfig withEpochs(int e) { return edit(b -> b.epochs = e); }
    public TrainingConfig withBatchSize(int size) { return edit(b -> b.batchSize = size); }
    public TrainingConfig withLearningRate(double rate) { return edit(b -> b.learningRate = rate); }
    public TrainingConfig withAdamBetaOne(double b1) { return edit(b -> b.adamBetaOne = b1); }
    public TrainingConfig withAdamBetaTwo(double b2) { return edit(b -> b.adamBetaTwo = b2); }
    public TrainingConfig withAdamEpsilon(double e) { return edit(b -> b.adamEpsilon = e); }
    public TrainingConfig withSeed(long s) { return edit(b -> b.seed = s); }

    /** A copy with {@code change} applied to a {@link Builder} holding this config's settings. */
    private TrainingConfig edit(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** A fresh Adam with these settings for {@code parameters}. */
    public Adam newAdam(Map<String, INDArray> parameters) {
        return new Adam(learningRate, adamBetaOne, adamBetaTwo, adamEpsilon, parameters);
    }

    /** Every setting: {@code TrainingConfig(epochs=5, batchSize=128, …, seed=42)}. */
    @Override public String toString() { return Printed.record(this); }
}
