package vae.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;
import vae.samediff.Epsilon;
import vae.train.Trainable;
import vae.Language;

/**
 * A Variational Autoencoder (Kingma &amp; Welling 2013) as one SameDiff graph whose variables carry the lesson's names:
 * x → encoder → μ, logvar → σ = exp(½·logvar) → z = μ + σ·ε → decoder → reconstruction → loss = reconstruction + β·KL.
 *
 * <p>The trainable parameters ({@link #parameters()}) are the encoder's and decoder's weights and biases only; μ, logvar,
 * σ and z are computed anew for every input. This class is what the lessons call: it checks each input
 * ({@link InputChecks}) and runs the graph ({@link VaeGraph}).
 */
public final class Vae implements Trainable {
    static { Backend.start(); }

    /** The values of one pass, in the lesson's order. */
    public static final List<String> LESSON_STEPS = GraphNames.LESSON_STEPS;

    private final VaeConfig config;
    private final VaeGraph graph;
    private final InputChecks checks;

    public Vae(VaeConfig config) {
        this.config = config;
        this.graph = new VaeGraph(config);
        this.checks = new InputChecks(config);
    }

    /** A new, untrained VAE with the lessons' settings: {@code new Vae(VaeConfig.lesson())}. The trained one is {@code Pretrained.lesson()}. */
    public static Vae untrained() { return new Vae(VaeConfig.lesson()); }

    public VaeConfig config() { return config; }
    public int latentSize() { return config.latentSize(); }

    /** The SameDiff graph itself, to print or explore. */
    public SameDiff graph() { return graph.graph(); }

    /** One pass with the ε you choose: every intermediate by its lesson name. */
    public ForwardPass forward(INDArray x, INDArray epsilon) {
        x = checks.images(x, "x");
        return graph.pass(x, checks.epsilon(epsilon, x.rows()));
    }

    /** One pass with fresh ε ~ N(0, I) from {@code random}. */
    public ForwardPass forward(INDArray x, Random random) {
        x = checks.images(x, "x");
        return graph.pass(x, epsilon(x.rows(), random));
    }

    /** μ and logvar the encoder gives each image of {@code x} ([batch, 784]). */
    public Encoded encode(INDArray x) {
        return graph.encode(checks.images(x, "x"));
    }

    /** The decoder's reconstruction (pixel probabilities, [batch, 784]) for any z of [batch, latent]. */
    public INDArray decode(INDArray z) {
        return graph.decode(checks.latent(z, "z", -1));
    }

    /** New digits: z drawn from the prior N(0, I) (as ε is drawn), decoded. */
    public INDArray sample(int count, Random random) {
        return decode(epsilon(count, random));
    }

    /** Encode, sample one z per image, decode. */
    public INDArray reconstruct(INDArray x, Random random) {
        return forward(x, random).reconstruction();
    }

    /** Decodes {@code steps} points on the straight line from μ(a) to μ(b), both ends included: [steps, 784]. */
    public INDArray interpolate(INDArray a, INDArray b, int steps) {
        InputChecks.interpolationSteps(steps);
        INDArray muA = encode(a).mu(), muB = encode(b).mu();
        InputChecks.oneImageEach(muA, muB);
        INDArray path = Nd4j.create(config.dataType(), steps, config.latentSize());
        for (int i = 0; i < steps; i++) {
            double t = i / (double) (steps - 1);
            path.putRow(i, muA.mul(1 - t).add(muB.mul(t)));
        }
        return decode(path);
    }

    /** ε ~ N(0, I) of [batch, latent], one row per image, drawn from {@code random} (so a seed fixes it). */
    public INDArray epsilon(int batch, Random random) {
        return Epsilon.standardNormal(random, batch, config.latentSize(), config.dataType());
    }

    /**
     * The gradient of the loss (the batch mean) with respect to any named variable: weights ("encoderW", …) and
     * intermediates ("mu", "sigma", "logVar", "z", …) alike. Each has the shape of its variable for this batch:
     * d loss/d μ of one image is [1, latent], like μ itself.
     */
    public Map<String, INDArray> gradients(INDArray x, INDArray epsilon, String... wrt) {
        x = checks.images(x, "x");
        epsilon = checks.epsilon(epsilon, x.rows());
        InputChecks.variablesExist(graph.graph(), parameterNames(), wrt);
        Map<String, INDArray> gradients = graph.gradients(x, epsilon, wrt);
        InputChecks.gradientsFound(gradients, wrt);
        return gradients;
    }

    /**
     * Any named value the graph computes for {@code x} and {@code epsilon} (e.g. "encoderHidden", "conv1",
     * "decoderGrid", "reconstructionLossPerPixel"), each in its shape for this batch. The inputs are checked as for
     * {@link #forward}, and a name the graph does not compute is rejected with the list of those it does
     * ({@link #intermediateNames()}), so a typo never comes back as a placeholder or a weight.
     */
    public Map<String, INDArray> intermediates(INDArray x, INDArray epsilon, String... names) {
        x = checks.images(x, "x");
        epsilon = checks.epsilon(epsilon, x.rows());
        InputChecks.intermediatesExist(intermediateNames(), names);
        return graph.values(x, epsilon, names);
    }

    /** The names of every value the graph computes from x and ε, in the order the graph defines them. */
    public List<String> intermediateNames() { return graph.intermediateNames(); }

    /** The names of the trainable parameters: the weights and biases of the encoder and decoder, nothing else. */
    public List<String> parameterNames() {
        return new ArrayList<>(parameters().keySet());
    }

    /** Copies of the trainable parameters by name, to keep while a step changes the model's own ({@link #parameters()}). */
    public Map<String, INDArray> parameterCopies() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        parameters().forEach((name, w) -> copies.put(name, w.dup()));
        return copies;
    }

    /** The graph's variables and their shapes, as SameDiff prints them. */
    public String summary() { return graph.graph().summary(); }

    // ---- Keeping a trained model ----

    /**
     * Saves this VAE, its configuration and weights, to {@code file} (any name, e.g. "my-vae.zip"; a missing folder is
     * created) and returns where it went. The file is written whole or not at all ({@link Checkpoint#save}).
     * {@link #load(Path, VaeConfig)} reads it back.
     */
    public Path save(Path file) {
        Checkpoint.save(file, this, null, null);
        return file.toAbsolutePath();
    }

    /** The same, with the file's name as text. */
    public Path save(String file) { return save(Path.of(file)); }

    /** The VAE saved in {@code file}, whatever its configuration. */
    public static Vae load(Path file) { return Checkpoint.load(file).vae(); }

    /** The same, with the file's name as text. */
    public static Vae load(String file) { return load(Path.of(file)); }

    /**
     * The VAE saved in {@code file}, which must be configured as {@code expected} (all but the seed), e.g.
     * {@code Vae.load(file, VaeConfig.lesson())}; any other model (the 2-D one, a conv VAE, another β) is rejected with
     * what came, what was expected and the likely fix, and so is a missing or damaged file.
     */
    public static Vae load(Path file, VaeConfig expected) { return Checkpoint.load(file, expected).vae(); }

    /** The same, with the file's name as text. */
    public static Vae load(String file, VaeConfig expected) { return load(Path.of(file), expected); }

    // ---- Trainable ----

    /** The trainable parameters (weights and biases) by name, live: a training step changes them in place; {@link #parameterCopies()} gives copies. */
    @Override public Map<String, INDArray> parameters() { return graph.parameters().arrays(); }

    /** How many numbers training adjusts: the sizes of all {@link #parameters()} together. */
    public long parameterCount() { return graph.parameters().count(); }

    /** A copy of all trainable parameters in one vector; {@link #setParameterVector} puts one back. */
    public INDArray parameterVector() { return graph.parameters().toVector(); }

    public void setParameterVector(INDArray vector) { graph.parameters().setFromVector(vector); }

    @Override
    public Step lossAndGradients(INDArray batch, Random random) {
        INDArray x = checks.images(batch, "batch");
        return graph.lossAndGradients(x, epsilon(x.rows(), random));
    }

    @Override
    public Map<String, Double> evaluate(INDArray batch, Random random) {
        INDArray x = checks.images(batch, "batch");
        // ε is still sampled: the loss with ε = 0 would not be the ELBO (pytorch/examples #419).
        return graph.losses(x, epsilon(x.rows(), random));
    }

    // ---- Old names, kept for a notebook that still calls them ----

    /** @deprecated the name did not say untrained: {@link #untrained()} (the trained model is {@code Pretrained.lesson()}). */
    @Deprecated public static Vae lesson() { return untrained(); }
    /** @deprecated the lesson calls it ε: {@link #epsilon(int, Random)}. */
    @Deprecated public INDArray noise(int batch, Random random) { return epsilon(batch, random); }
    /** @deprecated one word for the trainable parameters: {@link #parameterNames()}. */
    @Deprecated public List<String> trainableVariables() { return parameterNames(); }
    /** @deprecated one word for the trainable parameters: {@link #parameterCopies()}. */
    @Deprecated public Map<String, INDArray> weights() { return parameterCopies(); }

    @Override
    public String toString() {
        return "Vae(" + config + ", " + Language.text("label.trainableNumbers", parameterCount()) + ")";
    }
}
