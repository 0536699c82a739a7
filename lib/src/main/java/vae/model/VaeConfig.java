package vae.model;

import org.nd4j.linalg.api.buffer.DataType;
import vae.Language;

/**
 * Every setting of a VAE, with its default, in one place. A trained {@link Vae} keeps the config it was made with.
 *
 * @param architecture       MLP (784 → hidden → latent) or the convolutional VAE of PyTorch tutorials
 * @param hiddenSize         width of the MLP's hidden layer, in encoder and decoder (Kingma &amp; Welling used 400 for MNIST)
 * @param latentSize         d, the number of entries of μ, logvar, ε and z
 * @param reconstructionLoss BCE (pixels as Bernoulli probabilities) or MSE (squared error)
 * @param beta               weight of the KL term: loss = reconstruction + β·KL (β = 1 is the ELBO)
 * @param seed               seeds the initial weights, so two models made alike are alike
 * @param dataType           FLOAT for lessons and training; DOUBLE for gradient checks
 */
public record VaeConfig(Architecture architecture, int hiddenSize, int latentSize,
                        ReconstructionLoss reconstructionLoss, double beta, long seed, DataType dataType) {

    public enum Architecture { MLP, CONV }

    public enum ReconstructionLoss { BCE, MSE }

    public VaeConfig {
        if (architecture == null || reconstructionLoss == null || dataType == null) {
            throw new IllegalArgumentException(Language.text("error.config.missing"));
        }
        if (hiddenSize < 1) throw new IllegalArgumentException(Language.text("error.config.hiddenSize", hiddenSize));
        if (latentSize < 1) throw new IllegalArgumentException(Language.text("error.config.latentSize", latentSize));
        if (!(beta >= 0) || Double.isInfinite(beta)) throw new IllegalArgumentException(Language.text("error.config.beta", beta));
        if (!dataType.isFPType()) throw new IllegalArgumentException(Language.text("error.config.dataType", dataType));
    }

    /** The lessons' model. It's equivalent to this: {@code new VaeConfig(MLP, 400, 10, BCE, 1.0, 42, FLOAT)}. */
    public static VaeConfig lesson() {
        return new VaeConfig(Architecture.MLP, 400, 10, ReconstructionLoss.BCE, 1.0, 42, DataType.FLOAT);
    }

    /** PyTorch's examples/vae: {@code lesson().withLatentSize(20)}, i.e. 784-400-20. */
    public static VaeConfig pytorchExample() {
        return lesson().withLatentSize(20);
    }

    /** The conv VAE of PyTorch tutorials: {@code lesson().withArchitecture(CONV)} (latent 10; hiddenSize unused). */
    public static VaeConfig conv() {
        return lesson().withArchitecture(Architecture.CONV);
    }

    public VaeConfig withArchitecture(Architecture a) { return new VaeConfig(a, hiddenSize, latentSize, reconstructionLoss, beta, seed, dataType); }
    public VaeConfig withHiddenSize(int h) { return new VaeConfig(architecture, h, latentSize, reconstructionLoss, beta, seed, dataType); }
    public VaeConfig withLatentSize(int d) { return new VaeConfig(architecture, hiddenSize, d, reconstructionLoss, beta, seed, dataType); }
    public VaeConfig withReconstructionLoss(ReconstructionLoss r) { return new VaeConfig(architecture, hiddenSize, latentSize, r, beta, seed, dataType); }
    public VaeConfig withBeta(double b) { return new VaeConfig(architecture, hiddenSize, latentSize, reconstructionLoss, b, seed, dataType); }
    public VaeConfig withSeed(long s) { return new VaeConfig(architecture, hiddenSize, latentSize, reconstructionLoss, beta, s, dataType); }
    public VaeConfig withDataType(DataType t) { return new VaeConfig(architecture, hiddenSize, latentSize, reconstructionLoss, beta, seed, t); }

    @Override
    public String toString() {
        return "VaeConfig(architecture=" + architecture + ", hiddenSize=" + hiddenSize + ", latentSize=" + latentSize
                + ", reconstructionLoss=" + reconstructionLoss + ", beta=" + beta + ", seed=" + seed + ", dataType=" + dataType + ")";
    }
}
