package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;
import vae.samediff.Epsilon;
import vae.samediff.Stdout;
import vae.Language;

/**
 * Just the sampling step of the VAE, for μ and logvar you type in: the same {@link Reparameterization} ops as in
 * {@link Vae}, in doubles, with μ and logvar held as graph variables so SameDiff can differentiate z with respect to them.
 */
public final class ReparameterizationGraph {
    static { Backend.start(); }

    /** σ, z and the KL per dimension for one ε. */
    public record Result(double[] sigma, double[] z, double[] klPerDimension) {}

    /** The derivatives of each z_i with respect to its own μ_i, σ_i and logvar_i. */
    public record Gradients(double[] dzdMu, double[] dzdSigma, double[] dzdLogVar) {}

    private final SameDiff graph = SameDiff.create();
    private final int size;
    private boolean gradientsReady;

    /** The sampling step for one image with these μ and logvar. */
    public ReparameterizationGraph(double[] mu, double[] logVar) {
        if (mu.length != logVar.length) {
            throw new IllegalArgumentException(Language.text("error.reparam.logVarLength", mu.length, logVar.length));
        }
        size = mu.length;
        SDVariable muVar = graph.var("mu", row(mu));
        SDVariable logVarVar = graph.var("logVar", row(logVar));
        SDVariable epsilon = Epsilon.placeholder(graph, DataType.DOUBLE, 1, size);
        Reparameterization.Output sampled = Reparameterization.build(graph, muVar, logVarVar, epsilon);
        VaeLoss.klPerDimension(muVar, logVarVar, sampled.sigma());
        // Σ z: its gradient with respect to μ_i, σ_i or logvar_i is dz_i/dμ_i, dz_i/dσ_i, dz_i/dlogvar_i, as z_i depends on no other entry.
        graph.setLossVariables(sampled.z().sum("sumOfZ"));
    }

    /** The same, given σ instead of logvar (logvar = 2·log σ). */
    public static ReparameterizationGraph fromSigma(double[] mu, double[] sigma) {
        double[] logVar = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            if (!(sigma[i] > 0)) throw new IllegalArgumentException(Language.text("error.reparam.sigmaNotPositive", i, sigma[i]));
            logVar[i] = 2 * Math.log(sigma[i]);
        }
        return new ReparameterizationGraph(mu, logVar);
    }

    /** Runs the graph: σ = exp(½·logvar), z = μ + σ·ε, KL per dimension. */
    public Result run(double[] epsilon) {
        Map<String, INDArray> out = graph.output(feeds(epsilon), "sigma", "z", "klPerDimension");
        return new Result(out.get("sigma").toDoubleVector(), out.get("z").toDoubleVector(), out.get("klPerDimension").toDoubleVector());
    }

    /** SameDiff's gradients of z: dz/dμ = 1, dz/dσ = ε, dz/dlogvar = ½·σ·ε. */
    public Gradients gradients(double[] epsilon) {
        Map<String, INDArray> feeds = feeds(epsilon);
        Map<String, INDArray> g = Stdout.quietly(() -> {
            if (!gradientsReady) graph.createGradFunction("sigma");   // once: later calls reuse the gradient graph
            gradientsReady = true;
            return graph.calculateGradients(feeds, "mu", "sigma", "logVar");
        });
        return new Gradients(g.get("mu").toDoubleVector(), g.get("sigma").toDoubleVector(), g.get("logVar").toDoubleVector());
    }

    public SameDiff graph() { return graph; }

    private Map<String, INDArray> feeds(double[] epsilon) {
        if (epsilon.length != size) {
            throw new IllegalArgumentException(Language.text("error.reparam.epsilonLength", epsilon.length, size));
        }
        return Map.of("epsilon", row(epsilon));
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }
}
