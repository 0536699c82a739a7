package vae.model;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

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
        return mu.mul(mu).add(sigma.mul(sigma)).sub(logVar).sub(1.0).mul("klPerDimension", 0.5);
    }

    static Output build(SameDiff sd, SDVariable x, Decoder.Output decoded, SDVariable mu, SDVariable logVar,
                        SDVariable sigma, VaeConfig config) {
        SDVariable reconstructionPerImage, reconstructionLoss;
        if (config.reconstructionLoss() == VaeConfig.ReconstructionLoss.BCE) {
            // BCE on the logits: the stable form max(l, 0) − l·x + log(1 + e^−|l|), never log(0).
            reconstructionPerImage = sd.loss().sigmoidCrossEntropy("reconstructionLossPerPixel", x, decoded.logits(), null, LossReduce.NONE, 0.0)
                    .sum("reconstructionLossPerImage", 1);                                                       // [batch]  Σ over pixels
            // The loss itself: Σ over batch and pixels of (1/B)·BCE, the batch mean of the per-image sums. The 1/B goes in as
            // the op's weight, not as a division after it: in ND4J M2.1 the backward pass of the loss ops ignores the gradient
            // flowing in from later ops, so a later ÷B would leave the gradient B times too large (GradientCheckTest).
            SDVariable perImageWeight = sd.sizeAt(x, 0).castTo(x.dataType()).rdiv("oneOverBatchSize", 1.0);
            reconstructionLoss = sd.loss().sigmoidCrossEntropy("reconstructionLoss", x, decoded.logits(), perImageWeight, LossReduce.SUM, 0.0);
        } else {
            reconstructionPerImage = sd.math().squaredDifference("reconstructionLossPerPixel", decoded.reconstruction(), x)
                    .sum("reconstructionLossPerImage", 1);                                                       // [batch]  Σ over pixels
            reconstructionLoss = reconstructionPerImage.mean("reconstructionLoss");                               // scalar: mean over the batch
        }
        SDVariable klPerImage = klPerDimension(mu, logVar, sigma).sum("klPerImage", 1);                   // [batch]  Σ over dimensions
        SDVariable kl = klPerImage.mean("kl");                                                           // scalar: mean over the batch
        SDVariable loss = reconstructionLoss.add("loss", kl.mul(config.beta()));                         // scalar: reconstruction + β·KL
        return new Output(reconstructionPerImage, klPerImage, reconstructionLoss, kl, loss);
    }
}
