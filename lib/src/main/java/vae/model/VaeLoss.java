package vae.model;

import static vae.model.GraphNames.KL;
import static vae.model.GraphNames.KL_PER_DIMENSION;
import static vae.model.GraphNames.KL_PER_IMAGE;
import static vae.model.GraphNames.LOSS;
import static vae.model.GraphNames.RECONSTRUCTION_LOSS;
import static vae.model.GraphNames.RECONSTRUCTION_LOSS_PER_IMAGE;
import static vae.model.GraphNames.RECONSTRUCTION_LOSS_PER_PIXEL;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import vae.samediff.Losses;

/**
 * The VAE's loss, the negative ELBO: reconstruction + β·KL, with KL = ½·Σ(μ² + σ² − log σ² − 1)
 * (Kingma &amp; Welling 2013, Appendix B).
 *
 * <p>Reductions, stated because sum-vs-mean is the most common VAE bug: each term is <b>summed</b> over the 784 pixels
 * and the latent dimensions of one image, then <b>averaged</b> over the images of the batch. Averaging over pixels
 * instead would shrink the reconstruction term 784-fold and let the KL dominate.
 */
public final class VaeLoss {
    /** Per-image terms ([batch]) and their batch means (scalars). */
    public record Output(SDVariable reconstructionLossPerImage, SDVariable klPerImage,
                         SDVariable reconstructionLoss, SDVariable kl, SDVariable loss) {}

    private VaeLoss() {}

    /** KL of each latent dimension: ½·(μ² + σ² − log σ² − 1), with log σ² = logvar. [batch, latent] */
    static SDVariable klPerDimension(SDVariable mu, SDVariable logVar, SDVariable sigma) {
        return mu.mul(mu).add(sigma.mul(sigma)).sub(logVar).sub(1.0).mul(KL_PER_DIMENSION, 0.5);
    }

    static Output build(SameDiff sd, SDVariable x, Decoder.Output decoded, SDVariable mu, SDVariable logVar,
                        SDVariable sigma, VaeConfig config) {
        SDVariable reconstructionPerImage, reconstructionLoss;
        if (config.reconstructionLoss() == VaeConfig.ReconstructionLoss.BCE) {
            // BCE on the logits, not on the reconstruction: the stable form, never log(0).
            reconstructionPerImage = Losses.bcePerPixel(sd, RECONSTRUCTION_LOSS_PER_PIXEL, x, decoded.logits())
                    .sum(RECONSTRUCTION_LOSS_PER_IMAGE, 1);                                                       // [batch]  Σ over pixels
            // scalar: the batch mean of the per-image sums, as one op of its own (Losses says why not the mean of the above)
            reconstructionLoss = Losses.batchMeanBce(sd, RECONSTRUCTION_LOSS, x, decoded.logits());
        } else {
            reconstructionPerImage = sd.math().squaredDifference(RECONSTRUCTION_LOSS_PER_PIXEL, decoded.reconstruction(), x)
                    .sum(RECONSTRUCTION_LOSS_PER_IMAGE, 1);                                                       // [batch]  Σ over pixels
            reconstructionLoss = reconstructionPerImage.mean(RECONSTRUCTION_LOSS);                                 // scalar: mean over the batch
        }
        SDVariable klPerImage = klPerDimension(mu, logVar, sigma).sum(KL_PER_IMAGE, 1);                     // [batch]  Σ over dimensions
        SDVariable kl = klPerImage.mean(KL);                                                             // scalar: mean over the batch
        SDVariable loss = reconstructionLoss.add(LOSS, kl.mul(config.beta()));                           // scalar: reconstruction + β·KL
        return new Output(reconstructionPerImage, klPerImage, reconstructionLoss, kl, loss);
    }
}
