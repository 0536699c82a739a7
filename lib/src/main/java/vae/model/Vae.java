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
        SDVariable epsilon = graph.placeHolder("epsilon", config.dataType(), -1, config.latentSize()); // [batch, latent]
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
        Map<String, INDArray> feeds = gradientFeeds(x, epsilon);
        Map<String, INDArray> gradients = Backend.quietly(() -> graph.calculateGradients(feeds, wrt));
        for (String name : wrt) {
            if (gradients.get(name) == null) {
                throw new IllegalArgumentException("'" + name + "' has no gradient: the loss does not depend on it through a"
                        + " differentiable path (the BCE loss, for one, reads the decoder's logits, not 'reconstruction')");
            }
        }
        return x.rows() == 1 ? forTheOneImage(feeds(x, epsilon), gradients) : gradients;
    }

    /**
     * One image went through the backward pass twice ({@link #gradientFeeds}), so each per-image variable's gradient came
     * back for both copies, each half the true one (the loss is the mean over the copies): their sum is the one image's.
     * Weights, and anything else not per image, already have the one image's gradient. Which variables are per image is
     * read from a forward pass of the one image: those whose value is half the size of their gradient in one dimension.
     */
    private Map<String, INDArray> forTheOneImage(Map<String, INDArray> feeds, Map<String, INDArray> gradients) {
        List<String> computed = new ArrayList<>();
        for (String name : gradients.keySet()) if (!parameters.arrays().containsKey(name)) computed.add(name);
        if (computed.isEmpty()) return gradients;
        Map<String, INDArray> values = graph.output(feeds, computed);
        Map<String, INDArray> merged = new LinkedHashMap<>(gradients);
        for (String name : computed) merged.put(name, sumOfCopies(name, gradients.get(name), values.get(name).shape()));
        return merged;
    }

    /** {@code gradient} has twice the extent of {@code shape} in one dimension (both copies, one after the other): their sum. */
    private static INDArray sumOfCopies(String name, INDArray gradient, long[] shape) {
        long[] twice = gradient.shape();
        if (Arrays.equals(twice, shape)) return gradient;   // not per image: already the one image's gradient
        int d = 0;
        while (twice.length == shape.length && d < shape.length && twice[d] == shape[d]) d++;
        long[] doubled = shape.clone();
        if (d < shape.length) doubled[d] *= 2;
        if (!Arrays.equals(twice, doubled)) {
            throw new IllegalStateException("The gradient of '" + name + "' has shape " + Arrays.toString(twice) + " for the image fed twice, "
                    + "but '" + name + "' has shape " + Arrays.toString(shape) + " for the one image: expected twice it in one dimension");
        }
        long[] copies = new long[shape.length + 1];   // [..., 2, shape[d], ...]: the copy index just outside dimension d
        System.arraycopy(shape, 0, copies, 0, d);
        copies[d] = 2;
        System.arraycopy(shape, d, copies, d + 1, shape.length - d);
        return gradient.dup('c').reshape(copies).sum(d).reshape(shape);
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
        Map<String, INDArray> feeds = gradientFeeds(x, noise(x.rows(), random));
        OutAndGrad result = Backend.quietly(() -> graph.calculateGradientsAndOutputs(feeds, LOSSES, trainableVariables()));
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

    /**
     * The backward pass of M2.1 fails inside a reduce op for a batch of exactly one image (seen with the conv VAE).
     * The same image twice with the same ε has the same batch-mean loss and the same weight gradients, so that is fed
     * instead; the per-image gradients then come for two copies, which {@link #gradients} sums back into one.
     */
    private Map<String, INDArray> gradientFeeds(INDArray x, INDArray epsilon) {
        if (x.rows() != 1) return feeds(x, epsilon);
        return feeds(Nd4j.concat(0, x, x), Nd4j.concat(0, epsilon, epsilon));
    }

    private void prepareGradients() {
        if (gradientsReady) return;
        Backend.quietly(() -> { graph.createGradFunction("mu", "logVar", "sigma", "z", "reconstruction"); return null; });
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
