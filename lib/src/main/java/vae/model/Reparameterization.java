package vae.model;

import static vae.model.GraphNames.SIGMA;
import static vae.model.GraphNames.Z;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The reparameterization trick (Kingma &amp; Welling 2013, §2.4): z = μ + σ·ε with ε ~ N(0, I) drawn outside the graph,
 * so z is one sample of N(μ, σ²) and the gradient reaches μ and σ (dz/dμ = 1, dz/dσ = ε).
 */
public final class Reparameterization {
    /** σ and the sample z, as named variables of the graph. */
    public record Output(SDVariable sigma, SDVariable z) {}

    private Reparameterization() {}

    /**
     * ε is a placeholder fed at every call, not an in-graph random op ({@link vae.samediff.Epsilon} says why): the lesson
     * can feed its own ε, training feeds fresh noise per batch.
     */
    static Output build(SameDiff sd, SDVariable mu, SDVariable logVar, SDVariable epsilon) {
        SDVariable sigma = sd.math().exp(SIGMA, logVar.mul(0.5)); // [batch, latent]  σ = exp(½·logvar)
        SDVariable z = mu.add(Z, sigma.mul(epsilon));             // [batch, latent]  z = μ + σ·ε
        return new Output(sigma, z);
    }
}
