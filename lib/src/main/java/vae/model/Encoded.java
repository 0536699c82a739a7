package vae.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * What the encoder says about each image: the mean μ and log-variance logvar of q(z | x), each [batch, latent].
 * {@link InGraph} is the same pair inside the graph, before it runs.
 */
public record Encoded(INDArray mu, INDArray logVar) {
    /** σ = exp(½·logvar), always positive. */
    public INDArray sigma() {
        return Transforms.exp(logVar.mul(0.5), true);
    }

    /**
     * The same pair (μ, logvar) as the encoder's two heads in a SameDiff graph: the variables {@link Encoded}'s values
     * are computed into when the graph runs ({@link Encoder}, {@link ConvEncoder}).
     */
    record InGraph(SDVariable mu, SDVariable logVar) {}
}
