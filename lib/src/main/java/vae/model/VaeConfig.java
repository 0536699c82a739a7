package vae.model;

import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import vae.Language;
import vae.train.Printed;

/**
 * Every setting of a VAE. Each one, its default and what it means stand in one block, {@link Builder} (as minGPT's
 * {@code get_default_config}); {@link #lesson()} is that block as it stands, a {@code withX} changes one setting of a
 * copy, and {@code toString()} prints them all. A trained {@link Vae} keeps the config it was made with. A checkpoint
 * writes these settings under keys of its own ({@link CheckpointFormat}), so renaming a component here changes no file.
 */
public record VaeConfig(Architecture architecture, int hiddenSize, int latentSize,
                        ReconstructionLoss reconstructionLoss, double beta, long seed, DataType dataType) {

    /** Which encoder and decoder the VAE has: the MLP of the lessons or the convolutional one of notebook 12. */
    public enum Architecture { MLP, CONV }

    public enum ReconstructionLoss { BCE, MSE }

    /** Every setting with its default, one a line; set some, then {@link #build()}. */
    public static final class Builder {
        public Architecture architecture = Architecture.MLP;                  // MLP (784 → hidden → latent) or CONV (PyTorch tutorials' conv VAE)
        public int hiddenSize = 400;                                          // the MLP's hidden width, encoder and decoder (Kingma & Welling: 400 for MNIST)
        public int latentSize = 10;                                           // d, the number of entries of μ, logvar, ε and z
        public ReconstructionLoss reconstructionLoss = ReconstructionLoss.BCE; // BCE (pixels as Bernoulli probabilities) or MSE (squared error)
        public double beta = 1.0;                                             // weight of KL: loss = reconstruction + β·KL (β = 1 is the ELBO)
        public long seed = 42;                                                // seeds the first weights, so two models made alike are alike
        public DataType dataType = DataType.FLOAT;                            // FLOAT for lessons and training; DOUBLE for gradient checks

        public Builder() {}

        Builder(VaeConfig c) {
            architecture = c.architecture; hiddenSize = c.hiddenSize; latentSize = c.latentSize;
            reconstructionLoss = c.reconstructionLoss; beta = c.beta; seed = c.seed; dataType = c.dataType;
        }

        public VaeConfig build() {
            return new VaeConfig(architecture, hiddenSize, latentSize, reconstructionLoss, beta, seed, dataType);
        }
    }

    public VaeConfig {
        if (architecture == null || reconstructionLoss == null || dataType == null) {
            throw new IllegalArgumentException(Language.text("error.config.missing"));
        }
        if (hiddenSize < 1) throw new IllegalArgumentException(Language.text("error.config.hiddenSize", hiddenSize));
        if (latentSize < 1) throw new IllegalArgumentException(Language.text("error.config.latentSize", latentSize));
        if (!(beta >= 0) || Double.isInfinite(beta)) throw new IllegalArgumentException(Language.text("error.config.beta", beta));
        if (!dataType.isFPType()) throw new IllegalArgumentException(Language.text("error.config.dataType", dataType));
    }

    /**
     * The lessons' model, the defaults of {@link Builder}. Printed: {@code VaeConfig(architecture=MLP, hiddenSize=400,
     * latentSize=10, reconstructionLoss=BCE, beta=1.0, seed=42, dataType=FLOAT)}.
     */
    public static VaeConfig lesson() { return new Builder().build(); }

    /** PyTorch's examples/vae: {@code lesson().withLatentSize(20)}, i.e. 784-400-20. */
    public static VaeConfig pytorchExample() {
        return lesson().withLatentSize(20);
    }

    /** The conv VAE of PyTorch tutorials: {@code lesson().withArchitecture(CONV)} (latent 10; hiddenSize unused). */
    public static VaeConfig conv() {
        return lesson().withArchitecture(Architecture.CONV);
    }

    public VaeConfig withArchitecture(Architecture a) { return edit(b -> b.architecture = a); }
    public VaeConfig withHiddenSize(int h) { return edit(b -> b.hiddenSize = h); }
    public VaeConfig withLatentSize(int d) { return edit(b -> b.latentSize = d); }
    public VaeConfig withReconstructionLoss(ReconstructionLoss r) { return edit(b -> b.reconstructionLoss = r); }
    public VaeConfig withBeta(double beta) { return edit(b -> b.beta = beta); }
    public VaeConfig withSeed(long s) { return edit(b -> b.seed = s); }
    public VaeConfig withDataType(DataType t) { return edit(b -> b.dataType = t); }

    /** A copy with {@code change} applied to a {@link Builder} holding this config's settings. */
    private VaeConfig edit(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** Every setting: {@code VaeConfig(architecture=MLP, hiddenSize=400, …, dataType=FLOAT)}. */
    @Override public String toString() { return Printed.record(this); }
}
