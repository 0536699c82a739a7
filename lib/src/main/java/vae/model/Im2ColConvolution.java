package vae.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 3×3 convolution with padding 1 (stride 1 or 2) written as its two steps, im2col + one batched matmul: the same
 * maths as {@code sd.cnn().conv2d} with weights [kH, kW, inChannels, outChannels], and the same gradients (tested).
 *
 * <p>Why: ND4J 1.0.0-M2.1's {@code conv2d_bp} copies its im2col buffers through a permuted reshape with the generic,
 * element-by-element strided copy, so its backward pass takes ~10× its forward pass (README, Performance). Here every
 * reshape is of a contiguous array, free; the backward pass is a batched matmul and col2im.
 */
public final class Im2ColConvolution {
    private Im2ColConvolution() {}

    /** in [batch, inC, n, n] → [batch, outC, m, m] with m = (n − 1) / stride + 1. */
    public static SDVariable conv3x3(SameDiff sd, String name, SDVariable in, SDVariable weights, SDVariable bias, long inC, long outC, long n, int stride) {
        long m = (n - 1) / stride + 1;
        Conv2DConfig patches = Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(1).pW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable columns = sd.cnn().im2Col(name + "Patches", in, patches);                         // [batch, inC, 3, 3, m, m]: every 3×3 patch
        SDVariable batch = sd.sizeAt(in, 0).reshape(1);
        SDVariable flatColumns = sd.reshape(columns, sd.concat(0, batch, sd.constant(Nd4j.createFromArray(inC * 9, m * m))));   // [batch, inC·9, m·m]
        SDVariable kernel = sd.permute(weights, 3, 2, 0, 1).reshape(1, outC, inC * 9);                 // [1, outC, inC·9]
        SDVariable kernels = sd.tile(kernel, sd.concat(0, batch, sd.constant(Nd4j.createFromArray(1L, 1L))));  // [batch, outC, inC·9]
        SDVariable product = sd.mmul(kernels, flatColumns);                                            // [batch, outC, m·m]: one GEMM per image
        return sd.reshape(product, -1, outC, m, m).add(name, bias.reshape(1, outC, 1, 1));            // [batch, outC, m, m]
    }

    /** Stride 1: in [batch, inC, n, n] → [batch, outC, n, n]. */
    public static SDVariable conv3x3(SameDiff sd, String name, SDVariable in, SDVariable weights, SDVariable bias, long inC, long outC, long n) {
        return conv3x3(sd, name, in, weights, bias, inC, outC, n, 1);
    }
}
