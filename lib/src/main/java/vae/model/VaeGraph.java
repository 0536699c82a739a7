package vae.model;

import static vae.model.GraphNames.EPSILON;
import static vae.model.GraphNames.LOG_VAR;
import static vae.model.GraphNames.LOSS;
import static vae.model.GraphNames.LOSSES;
import static vae.model.GraphNames.MU;
import static vae.model.GraphNames.RECONSTRUCTION;
import static vae.model.GraphNames.SIGMA;
import static vae.model.GraphNames.X;
import static vae.model.GraphNames.Z;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.samediff.BatchOfOne;
import vae.samediff.Epsilon;
import vae.samediff.Stdout;
import vae.train.Trainable;

/**
 * The VAE as one SameDiff graph whose variables carry the lesson's names (Kingma &amp; Welling 2013):
 * x → encoder → μ, logvar → σ = exp(½·logvar) → z = μ + σ·ε → decoder → reconstruction → loss = reconstruction + β·KL;
 * and beside it the decoder alone, fed z, on the same weights. Inputs come checked ({@link InputChecks}).
 */
final class VaeGraph {
    private final Parameters parameters = new Parameters();
    private final SameDiff graph = SameDiff.create();
    private final SameDiff decoderGraph = SameDiff.create();   // the same decoder weights, fed z directly
    private boolean gradientsReady;

    VaeGraph(VaeConfig config) {
        EncoderDecoder architecture = EncoderDecoder.declare(parameters, config);
        parameters.allocate(config.dataType(), config.seed());

        Parameters.Variables w = parameters.addTo(graph);
        SDVariable x = graph.placeHolder(X, config.dataType(), -1, 784);                                 // [batch, 784]
        SDVariable epsilon = Epsilon.placeholder(graph, EPSILON, config.dataType(), -1, config.latentSize());   // [batch, latent]
        Encoded.InGraph encoded = architecture.encode(graph, x, w);                                      // μ, logvar: [batch, latent]
        Reparameterization.Output sampled = Reparameterization.build(graph, encoded.mu(), encoded.logVar(), epsilon); // σ, z
        Decoder.Output decoded = architecture.decode(graph, sampled.z(), w);                             // [batch, 784]
        VaeLoss.build(graph, x, decoded, encoded.mu(), encoded.logVar(), sampled.sigma(), config);
        graph.setLossVariables(LOSS);

        Parameters.Variables shared = parameters.addTo(decoderGraph);   // the same arrays, no copy: always in sync
        architecture.decode(decoderGraph, decoderGraph.placeHolder(Z, config.dataType(), -1, config.latentSize()), shared);
    }

    SameDiff graph() { return graph; }

    Parameters parameters() { return parameters; }

    /** Every lesson step and per-image term of one pass, in the lesson's order. */
    ForwardPass pass(INDArray x, INDArray epsilon) {
        List<String> wanted = new ArrayList<>(GraphNames.LESSON_STEPS);
        wanted.addAll(GraphNames.PER_IMAGE);
        Map<String, INDArray> out = graph.output(feeds(x, epsilon), wanted);
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : wanted) ordered.put(name, out.get(name));
        return new ForwardPass(ordered);
    }

    /** The named values, in the order asked. */
    Map<String, INDArray> values(INDArray x, INDArray epsilon, String... names) {
        Map<String, INDArray> out = graph.output(feeds(x, epsilon), names);
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : names) ordered.put(name, out.get(name));
        return ordered;
    }

    /** Every value computed by an op (not a placeholder, weight or constant), in the graph's order. */
    List<String> intermediateNames() {
        List<String> names = new ArrayList<>();
        for (SDVariable v : graph.variables()) {
            if (v.getVariableType() == VariableType.ARRAY) names.add(v.name());
        }
        return names;
    }

    Encoded encode(INDArray x) {
        Map<String, INDArray> out = graph.output(Map.of(X, x), MU, LOG_VAR);
        return new Encoded(out.get(MU), out.get(LOG_VAR));
    }

    INDArray decode(INDArray z) {
        return decoderGraph.output(Map.of(Z, z), RECONSTRUCTION).get(RECONSTRUCTION);
    }

    /** The batch means {@link GraphNames#LOSSES}: "loss", "reconstructionLoss" and "kl". */
    Map<String, Double> losses(INDArray x, INDArray epsilon) {
        return scalars(graph.output(feeds(x, epsilon), LOSSES));
    }

    /** d loss/d each of {@code wrt}, in its shape for this batch; null for a variable the loss does not reach. */
    Map<String, INDArray> gradients(INDArray x, INDArray epsilon, String... wrt) {
        prepareGradients();
        return BatchOfOne.gradients(graph, feeds(x, epsilon), wrt);
    }

    /** The losses and the gradient of the loss for every weight: one training step's worth. */
    Trainable.Step lossAndGradients(INDArray x, INDArray epsilon) {
        prepareGradients();
        OutAndGrad result = BatchOfOne.outputsAndWeightGradients(graph, feeds(x, epsilon), LOSSES, new ArrayList<>(parameters.arrays().keySet()));
        return new Trainable.Step(scalars(result.getOutputs()), result.getGradients());
    }

    private static Map<String, Double> scalars(Map<String, INDArray> out) {
        Map<String, Double> losses = new LinkedHashMap<>();
        for (String name : LOSSES) losses.put(name, out.get(name).getDouble(0));
        return losses;
    }

    private static Map<String, INDArray> feeds(INDArray x, INDArray epsilon) {
        Map<String, INDArray> feeds = new HashMap<>(4);
        feeds.put(X, x);
        feeds.put(EPSILON, epsilon);
        return feeds;
    }

    /** The gradient graph, built once (later calls reuse it) with the intermediates the lesson differentiates. */
    private void prepareGradients() {
        if (gradientsReady) return;
        Stdout.quietly(() -> { graph.createGradFunction(MU, LOG_VAR, SIGMA, Z, RECONSTRUCTION); return null; });
        gradientsReady = true;
    }
}
