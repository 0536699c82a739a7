package vae.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** What the encoder says about each image: the mean μ and log-variance logvar of q(z | x), each [batch, latent]. */
public record Encoded(INDArray mu, INDArray logVar) {
    /** σ = exp(½·logvar), always positive. */
    public INDArray sigma() {
        return Transforms.exp(logVar.mul(0.5), true);
    }
}
