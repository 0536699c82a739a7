package vae.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Backend;
import vae.samediff.BatchOfOne;
import vae.samediff.Epsilon;
import vae.samediff.Stdout;
import vae.train.Trainable;

/**
 * A Variational Autoencoder (Kingma &amp; Welling 2013) as one SameDiff graph whose variables carry the lesson's names:
 * x → encoder → μ, logvar → σ = exp(½·logvar) → z = μ + σ·ε → decoder → reconstruction → loss = reconstruction + β·KL.
 *
 * <p>The trainable variables are the encoder's and decoder's weights only; μ, logvar, σ and z are computed anew
 * for every input.
 */
public final class Vae implements Trainable {
    static { Backend.start(); }

    /** The values of one pass, in the lesson's order. */
    public static final List<String> LESSON_STEPS = List.of("x", "mu", "logVar", "sigma", "epsilon", "z",
            "reconstruction", "reconstructionLoss", "kl", "loss");
    private static final List<String> PER_IMAGE = List.of("reconstructionLossPerPixel", "reconstructionLossPerImage", "klPerDimension", "klPerImage");
    private static final List<String> LOSSES = List.of("loss", "reconstructionLoss", "kl");

    private final VaeConfig config;
    private final Parameters parameters = new Parameters();
    private final SameDiff graph = SameDiff.create();
    private final SameDiff decoderGraph = SameDiff.create();   // the same decoder weights, fed z directly
    private boolean gradientsReady;

    public Vae(VaeConfig config) {
        this.config = config;
        boolean conv = config.architecture() == VaeConfig.Architecture.CONV;
        if (conv) { ConvEncoder.declare(parameters, config); ConvDecoder.declare(parameters, config); }
        else { Encoder.declare(parameters, config); Decoder.declare(parameters, config); }
        parameters.allocate(config.dataType(), config.seed());

        Map<String, SDVariable> w = parameters.addTo(graph);
        SDVariable x = graph.placeHolder("x", config.dataType(), -1, 784);                           // [batch, 784]
        SDVariable epsilon = Epsilon.placeholder(graph, config.dataType(), -1, config.latentSize());   // [batch, latent]
        Encoder.Output encoded = conv ? ConvEncoder.build(graph, x, w) : Encoder.build(graph, x, w);
        Reparameterization.Output sampled = Reparameterization.build(graph, encoded.mu(), encoded.logVar(), epsilon);
        Decoder.Output decoded = conv ? ConvDecoder.build(graph, sampled.z(), w) : Decoder.build(graph, sampled.z(), w);
        VaeLoss.build(graph, x, decoded, encoded.mu(), encoded.logVar(), sampled.sigma(), config);
        graph.setLossVariables("loss");

        Map<String, SDVariable> shared = parameters.addTo(decoderGraph);   // the same arrays, no copy: always in sync
        SDVariable z = decoderGraph.placeHolder("z", config.dataType(), -1, config.latentSize());
        if (conv) ConvDecoder.build(decoderGraph, z, shared); else Decoder.build(decoderGraph, z, shared);
    }

    /** A new, untrained VAE with the lessons' settings ({@link VaeConfig#lesson()}). */
    public static Vae lesson() { return new Vae(VaeConfig.lesson()); }

    public VaeConfig config() { return config; }
    public int latentSize() { return config.latentSize(); }

    /** The SameDiff graph itself, to print or explore. */
    public SameDiff graph() { return graph; }

    /** One pass with the ε you choose: every intermediate by its lesson name. */
    public ForwardPass forward(INDArray x, INDArray epsilon) {
        x = checkImages(x, "x");
        return pass(x, checkEpsilon(epsilon, x.rows()));
    }

    /** One pass with fresh ε ~ N(0, I) from {@code random}. */
    public ForwardPass forward(INDArray x, Random random) {
        x = checkImages(x, "x");
        return pass(x, noise((int) x.rows(), random));
    }

    /** The pass itself, for an x and ε already checked. */
    private ForwardPass pass(INDArray x, INDArray epsilon) {
        List<String> wanted = new ArrayList<>(LESSON_STEPS);
        wanted.addAll(PER_IMAGE);
        Map<String, INDArray> out = graph.output(feeds(x, epsilon), wanted);
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : wanted) ordered.put(name, out.get(name));
        return new ForwardPass(ordered);
    }

    /** μ and logvar the encoder gives each image of {@code x} ([batch, 784]). */
    public Encoded encode(INDArray x) {
        x = checkImages(x, "x");
        Map<String, INDArray> out = graph.output(Map.of("x", x), "mu", "logVar");
        return new Encoded(out.get("mu"), out.get("logVar"));
    }

    /** The decoder's reconstruction (pixel probabilities, [batch, 784]) for any z of [batch, latent]. */
    public INDArray decode(INDArray z) {
        z = checkLatent(z, "z", -1);
        return decoderGraph.output(Map.of("z", z), "reconstruction").get("reconstruction");
    }

    /** New digits: z drawn from the prior N(0, I), decoded. */
    public INDArray sample(int count, Random random) {
        return decode(noise(count, random));
    }

    /** Encode, sample one z per image, decode. */
    public INDArray reconstruct(INDArray x, Random random) {
        return forward(x, random).reconstruction();
    }

    /** Decodes {@code steps} points on the straight line from μ(a) to μ(b), both ends included: [steps, 784]. */
    public INDArray interpolate(INDArray a, INDArray b, int steps) {
        if (steps < 2) throw new IllegalArgumentException("steps is " + steps + " but an interpolation needs at least 2 (the two ends)");
        INDArray muA = encode(a).mu(), muB = encode(b).mu();
        if (muA.rows() != 1 || muB.rows() != 1) throw new IllegalArgumentException("interpolate takes one image at each end, [1, 784]");
        INDArray path = Nd4j.create(config.dataType(), steps, config.latentSize());
        for (int i = 0; i < steps; i++) {
            double t = i / (double) (steps - 1);
            path.putRow(i, muA.mul(1 - t).add(muB.mul(t)));
        }
        return decode(path);
    }

    /** ε ~ N(0, I) of [batch, latent]. */
    public INDArray noise(int batch, Random random) {
        return Noise.standardNormal(random, batch, config.latentSize(), config.dataType());
    }

    /**
     * The gradient of the loss (the batch mean) with respect to any named variable: weights ("encoderW", …) and
     * intermediates ("mu", "sigma", "logVar", "z", …) alike. Each has the shape of its variable for this batch:
     * d loss/d μ of one image is [1, latent], like μ itself.
     */
    public Map<String, INDArray> gradients(INDArray x, INDArray epsilon, String... wrt) {
        x = checkImages(x, "x");
        epsilon = checkEpsilon(epsilon, x.rows());
        for (String name : wrt) {
            if (!graph.hasVariable(name)) throw new IllegalArgumentException("The graph has no variable '" + name + "'; try one of " + LESSON_STEPS + " or " + trainableVariables());
        }
        prepareGradients();
        Map<String, INDArray> gradients = BatchOfOne.gradients(graph, feeds(x, epsilon), wrt);
        for (String name : wrt) {
            if (gradients.get(name) == null) {
                throw new IllegalArgumentException("'" + name + "' has no gradient: the loss does not depend on it through a"
                        + " differentiable path (the BCE loss, for one, reads the decoder's logits, not 'reconstruction')");
            }
        }
        return gradients;
    }

    /** The names of the trainable variables: the weights and biases of the encoder and decoder, nothing else. */
    public List<String> trainableVariables() {
        return new ArrayList<>(parameters.arrays().keySet());
    }

    /** Copies of the weights by name. */
    public Map<String, INDArray> weights() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        parameters.arrays().forEach((name, w) -> copies.put(name, w.dup()));
        return copies;
    }

    /** The graph's variables and their shapes, as SameDiff prints them. */
    public String summary() { return graph.summary(); }

    // ---- Trainable ----

    /** The trainable weights by name (live arrays; {@link #weights()} gives copies). */
    @Override public Map<String, INDArray> parameters() { return parameters.arrays(); }

    /** How many numbers training adjusts. */
    public long parameterCount() { return parameters.count(); }

    /** A copy of all weights in one vector; {@link #setParameterVector} puts one back. */
    public INDArray parameterVector() { return parameters.toVector(); }

    public void setParameterVector(INDArray vector) { parameters.setFromVector(vector); }

    @Override
    public Step lossAndGradients(INDArray batch, Random random) {
        INDArray x = checkImages(batch, "batch");
        prepareGradients();
        OutAndGrad result = BatchOfOne.outputsAndWeightGradients(graph, feeds(x, noise(x.rows(), random)), LOSSES, trainableVariables());
        return new Step(scalars(result.getOutputs()), result.getGradients());
    }

    @Override
    public Map<String, Double> evaluate(INDArray batch, Random random) {
        INDArray x = checkImages(batch, "batch");
        // ε is still sampled: the loss with ε = 0 would not be the ELBO (pytorch/examples #419).
        return scalars(graph.output(feeds(x, noise(x.rows(), random)), LOSSES));
    }

    private static Map<String, Double> scalars(Map<String, INDArray> out) {
        Map<String, Double> losses = new LinkedHashMap<>();
        for (String name : LOSSES) losses.put(name, out.get(name).getDouble(0));
        return losses;
    }

    private Map<String, INDArray> feeds(INDArray x, INDArray epsilon) {
        Map<String, INDArray> feeds = new HashMap<>(4);
        feeds.put("x", x);
        feeds.put("epsilon", epsilon);
        return feeds;
    }

    private void prepareGradients() {
        if (gradientsReady) return;
        Stdout.quietly(() -> { graph.createGradFunction("mu", "logVar", "sigma", "z", "reconstruction"); return null; });
        gradientsReady = true;
    }

    // ---- input checks: say what came, what was expected, and the fix ----

    private INDArray checkImages(INDArray x, String name) {
        if (x == null) throw new IllegalArgumentException(name + " is null; expected images of shape [batch, 784]");
        long[] s = x.shape();
        if (x.rank() == 3 && s[1] == 28 && s[2] == 28) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(s)
                    + " but the encoder expects [batch, 784]: flatten each image first with Images.flatten(" + name + ")");
        }
        if (x.rank() == 2 && s[0] == 28 && s[1] == 28) {
            throw new IllegalArgumentException(name + " has shape [28, 28] but the encoder expects [batch, 784]: flatten it first with Images.flatten(" + name + ")");
        }
        if (x.rank() == 1 && s[0] == 784) {
            throw new IllegalArgumentException(name + " has shape [784] but the encoder expects [batch, 784]: make it one row with " + name + ".reshape(1, 784)");
        }
        if (x.rank() != 2 || s[1] != 784) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(s) + " but the encoder expects [batch, 784]");
        }
        double sum = x.sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException(name + " contains NaN or infinite pixels; expected values in [0, 1]. Check how the images were loaded or scaled");
        }
        double max = x.maxNumber().doubleValue(), min = x.minNumber().doubleValue();
        if (max > 1 || min < 0) {
            throw new IllegalArgumentException(name + " has pixels from " + min + " to " + max + " but the model expects [0, 1]"
                    + (max > 1 ? ": divide grey levels 0–255 by 255" : ""));
        }
        return x.dataType() == config.dataType() ? x : x.castTo(config.dataType());
    }

    private INDArray checkEpsilon(INDArray epsilon, long batch) {
        return checkLatent(epsilon, "epsilon", batch);
    }

    private INDArray checkLatent(INDArray v, String name, long batch) {
        if (v == null) throw new IllegalArgumentException(name + " is null; expected [batch, " + config.latentSize() + "]");
        long[] s = v.shape();
        if (v.rank() == 1 && s[0] == config.latentSize()) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(s) + " but the model expects [batch, " + config.latentSize()
                    + "]: make it one row with " + name + ".reshape(1, " + config.latentSize() + ")");
        }
        if (v.rank() != 2 || s[1] != config.latentSize()) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(s) + " but this VAE's latent size is " + config.latentSize()
                    + ", so " + name + " must be [batch, " + config.latentSize() + "]");
        }
        if (batch >= 0 && s[0] != batch) {
            throw new IllegalArgumentException(name + " has " + s[0] + " rows but x has " + batch + " images: give one row of " + name + " per image");
        }
        if (!Double.isFinite(v.sumNumber().doubleValue())) throw new IllegalArgumentException(name + " contains NaN or infinite values");
        return v.dataType() == config.dataType() ? v : v.castTo(config.dataType());
    }

    @Override
    public String toString() {
        return "Vae(" + config + ", " + parameters.count() + " trainable numbers)";
    }
}
