package vae.samediff;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The binary cross-entropy on logits, in the stable form max(l, 0) − l·x + log(1 + e^−|l|) (never log 0), through
 * ND4J's fused {@code sd.loss().sigmoidCrossEntropy}.
 *
 * <p>In M2.1 the backward pass of the loss ops assumes the op is the final loss: it ignores the gradient flowing in from
 * any later op, so a ×c or ÷B after it leaves the gradient c or 1/B off ({@code LossesTest.aLossOpIgnoresTheGradientFlowingIntoIt}).
 * Hence two methods: one to look at, one to train on.
 */
public final class Losses {
    private Losses() {}

    /**
     * The BCE of every pixel, [batch, pixels]: {@code sigmoidCrossEntropy} with no reduction. To look at and to sum per image
     * only: nothing the loss is differentiated through may read it, as its gradient ignores what comes after it.
     */
    public static SDVariable bcePerPixel(SameDiff sd, String name, SDVariable x, SDVariable logits) {
        return sd.loss().sigmoidCrossEntropy(name, x, logits, null, LossReduce.NONE, 0.0);
    }

    /**
     * Σ over pixels, mean over the batch, of the BCE: a scalar. Stands in for {@code bcePerPixel(…).sum(1).mean()}, whose
     * gradient M2.1 gets B times too large: here the 1/B goes in as the op's own weight ("oneOverBatchSize"), so the one op
     * is the batch mean and its gradient is right ({@code LossesTest.batchMeanBceHasTheGradientOfTheBatchMean}). It must
     * enter the loss with weight 1 (added, not scaled), for the same reason.
     */
    public static SDVariable batchMeanBce(SameDiff sd, String name, SDVariable x, SDVariable logits) {
        SDVariable oneOverBatchSize = sd.sizeAt(x, 0).castTo(x.dataType()).rdiv("oneOverBatchSize", 1.0);
        return sd.loss().sigmoidCrossEntropy(name, x, logits, oneOverBatchSize, LossReduce.SUM, 0.0);
    }
}
