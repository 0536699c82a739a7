package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/** {@link Losses} against the BCE and its gradient (σ(l) − x)/B written out in doubles, and the M2.1 bug they avoid. */
class LossesTest {
    static { Backend.start(); }

    static final int B = 3, PIXELS = 4;
    final INDArray x, logits;

    LossesTest() {
        Nd4j.getRandom().setSeed(17);
        x = Nd4j.rand(DataType.DOUBLE, B, PIXELS);
        logits = Nd4j.rand(DataType.DOUBLE, B, PIXELS).subi(0.5).muli(8);
    }

    @Test
    void bcePerPixelIsTheStableBinaryCrossEntropyOfTheLogits() {
        SameDiff sd = SameDiff.create();
        INDArray perPixel = Losses.bcePerPixel(sd, "bce", sd.constant("x", x), sd.var("logits", logits)).eval();
        assertArrayEquals(new long[] {B, PIXELS}, perPixel.shape());
        for (int b = 0; b < B; b++) for (int i = 0; i < PIXELS; i++) assertEquals(bce(b, i), perPixel.getDouble(b, i), 1e-12);
    }

    @Test
    void batchMeanBceHasTheGradientOfTheBatchMean() {
        SameDiff sd = SameDiff.create();
        SDVariable loss = Losses.batchMeanBce(sd, "loss", sd.constant("x", x), sd.var("logits", logits));
        sd.setLossVariables(loss);
        double mean = 0;
        for (int b = 0; b < B; b++) for (int i = 0; i < PIXELS; i++) mean += bce(b, i) / B;
        assertEquals(mean, loss.eval().getDouble(0), 1e-12, "Σ over pixels, mean over the batch");
        assertArrayEquals(meanGradient().ravel().toDoubleVector(), gradient(sd).ravel().toDoubleVector(), 1e-12);
    }

    /**
     * The bug {@link Losses#batchMeanBce} works around: the loss op's backward pass ignores what comes after it, so a ÷B
     * leaves its gradient B times too large, and a ×2 leaves it half. Fixed in a later ND4J, this test fails: the
     * plain mean of {@link Losses#bcePerPixel} would then do, and batchMeanBce can go.
     */
    @Test
    void aLossOpIgnoresTheGradientFlowingIntoIt() {
        SameDiff divided = SameDiff.create();
        divided.setLossVariables(bceSum(divided).div("loss", B));
        assertArrayEquals(meanGradient().mul(B).ravel().toDoubleVector(), gradient(divided).ravel().toDoubleVector(), 1e-12, "÷B: B times too large");

        SameDiff doubled = SameDiff.create();
        doubled.setLossVariables(bceSum(doubled).mul("loss", 2.0));
        assertArrayEquals(meanGradient().mul(B).ravel().toDoubleVector(), gradient(doubled).ravel().toDoubleVector(), 1e-12, "×2: the gradient of the sum, not twice it");

        SameDiff meanOfSums = SameDiff.create();
        meanOfSums.setLossVariables(Losses.bcePerPixel(meanOfSums, "bce", meanOfSums.constant("x", x), meanOfSums.var("logits", logits)).sum(1).mean("loss"));
        assertArrayEquals(meanGradient().mul(B).ravel().toDoubleVector(), gradient(meanOfSums).ravel().toDoubleVector(), 1e-12, "per-pixel BCE, Σ, mean: B times too large");
    }

    private SDVariable bceSum(SameDiff sd) {
        return sd.loss().sigmoidCrossEntropy("bce", sd.constant("x", x), sd.var("logits", logits), null, LossReduce.SUM, 0.0);
    }

    private static INDArray gradient(SameDiff sd) {
        return Stdout.quietly(() -> sd.calculateGradients(Map.of(), "logits")).get("logits");
    }

    /** d/dl of the batch mean of Σ BCE: (σ(l) − x)/B. */
    private INDArray meanGradient() {
        double[][] g = new double[B][PIXELS];
        for (int b = 0; b < B; b++) for (int i = 0; i < PIXELS; i++) g[b][i] = (1 / (1 + Math.exp(-logits.getDouble(b, i))) - x.getDouble(b, i)) / B;
        return Nd4j.create(g);
    }

    /** −[x·log σ(l) + (1 − x)·log(1 − σ(l))]. */
    private double bce(int b, int i) {
        double p = 1 / (1 + Math.exp(-logits.getDouble(b, i))), t = x.getDouble(b, i);
        return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    }
}
