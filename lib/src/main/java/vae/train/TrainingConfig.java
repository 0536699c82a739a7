package vae.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/**
 * How to train, every default in one place.
 *
 * @param epochs       passes over the training images
 * @param batchSize    images per gradient step (PyTorch's VAE example uses 128)
 * @param learningRate Adam's step size (1e-3, as in PyTorch's example)
 * @param adamBetaOne  Adam's β₁, the decay of its running mean of the gradients ({@link Adam#DEFAULT_BETA_ONE}, 0.9)
 * @param adamBetaTwo  Adam's β₂, the decay of its running mean of the squared gradients ({@link Adam#DEFAULT_BETA_TWO},
 *                     0.999). Named after Adam, so not to be mistaken for the VAE's β, the weight of the KL term
 * @param adamEpsilon  Adam's ε, which keeps its division finite ({@link Adam#DEFAULT_EPSILON}, 1e-8); not the ε of
 *                     the reparameterization, the noise in z = μ + σ·ε
 * @param seed         seeds the shuffling and every ε of z = μ + σ·ε, so two runs with one seed give identical numbers
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double adamBetaOne, double adamBetaTwo,
                             double adamEpsilon, long seed) {
    public TrainingConfig {
        if (epochs < 1) throw new IllegalArgumentException(Language.text("error.training.epochs", epochs));
        if (batchSize < 1) throw new IllegalArgumentException(Language.text("error.training.batchSize", batchSize));
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException(Language.text("error.training.learningRate", learningRate));
        Adam.checkSettings(adamBetaOne, adamBetaTwo, adamEpsilon);
    }

    /** Adam with its default β₁, β₂ and ε: {@code new TrainingConfig(epochs, batchSize, learningRate, 0.9, 0.999, 1e-8, seed)}. */
    public TrainingConfig(int epochs, int batchSize, double learningRate, long seed) {
        this(epochs, batchSize, learningRate, Adam.DEFAULT_BETA_ONE, Adam.DEFAULT_BETA_TWO, Adam.DEFAULT_EPSILON, seed);
    }

    /** It's equivalent to this: {@code new TrainingConfig(5, 128, 1e-3, 0.9, 0.999, 1e-8, 42)}. */
    public static TrainingConfig defaults() { return new TrainingConfig(5, 128, 1e-3, 42); }

    public TrainingConfig withEpochs(int e) { return new TrainingConfig(e, batchSize, learningRate, adamBetaOne, adamBetaTwo, adamEpsilon, seed); }
    public TrainingConfig withBatchSize(int b) { return new TrainingConfig(epochs, b, learningRate, adamBetaOne, adamBetaTwo, adamEpsilon, seed); }
    public TrainingConfig withLearningRate(double r) { return new TrainingConfig(epochs, batchSize, r, adamBetaOne, adamBetaTwo, adamEpsilon, seed); }
    public TrainingConfig withAdamBetaOne(double b1) { return new TrainingConfig(epochs, batchSize, learningRate, b1, adamBetaTwo, adamEpsilon, seed); }
    public TrainingConfig withAdamBetaTwo(double b2) { return new TrainingConfig(epochs, batchSize, learningRate, adamBetaOne, b2, adamEpsilon, seed); }
    public TrainingConfig withAdamEpsilon(double e) { return new TrainingConfig(epochs, batchSize, learningRate, adamBetaOne, adamBetaTwo, e, seed); }
    public TrainingConfig withSeed(long s) { return new TrainingConfig(epochs, batchSize, learningRate, adamBetaOne, adamBetaTwo, adamEpsilon, s); }

    /** A fresh Adam with these settings for {@code parameters}. */
    public Adam newAdam(Map<String, INDArray> parameters) {
        return new Adam(learningRate, adamBetaOne, adamBetaTwo, adamEpsilon, parameters);
    }

    @Override public String toString() {
        return "TrainingConfig(epochs=" + epochs + ", batchSize=" + batchSize + ", learningRate=" + learningRate
                + ", adamBetaOne=" + adamBetaOne + ", adamBetaTwo=" + adamBetaTwo + ", adamEpsilon=" + adamEpsilon + ", seed=" + seed + ")";
    }
}
