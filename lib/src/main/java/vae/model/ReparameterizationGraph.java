package vae.model;

import static vae.model.GraphNames.EPSILON;
import static vae.model.GraphNames.KL_PER_DIMENSION;
import static vae.model.GraphNames.LOG_VAR;
import static vae.model.GraphNames.MU;
import static vae.model.GraphNames.SIGMA;
import static vae.model.GraphNames.Z;

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
        SDVariable muVar = graph.var(MU, row(mu));
        SDVariable logVarVar = graph.var(LOG_VAR, row(logVar));
        SDVariable epsilon = Epsilon.placeholder(graph, EPSILON, DataType.DOUBLE, 1, size);
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
        Map<String, INDArray> out = graph.output(feeds(epsilon), SIGMA, Z, KL_PER_DIMENSION);
        return new Result(out.get(SIGMA).toDoubleVector(), out.get(Z).toDoubleVector(), out.get(KL_PER_DIMENSION).toDoubleVector());
    }

    /** SameDiff's gradients of z: dz/dμ = 1, dz/dσ = ε, dz/dlogvar = ½·σ·ε. */
    public Gradients gradients(double[] epsilon) {
        Map<String, INDArray> feeds = feeds(epsilon);
        Map<String, INDArray> g = Stdout.quietly(() -> {
            if (!gradientsReady) graph.createGradFunction(SIGMA);   // once: later calls reuse the gradient graph
            gradientsReady = true;
            return graph.calculateGradients(feeds, MU, SIGMA, LOG_VAR);
        });
        return new Gradients(g.get(MU).toDoubleVector(), g.get(SIGMA).toDoubleVector(), g.get(LOG_VAR).toDoubleVector());
    }

    public SameDiff graph() { return graph; }

    private Map<String, INDArray> feeds(double[] epsilon) {
        if (epsilon.length != size) {
            throw new IllegalArgumentException(Language.text("error.reparam.epsilonLength", epsilon.length, size));
        }
        return Map.of(EPSILON, row(epsilon));
    }

    private static INDArray row(double[] values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }
}
