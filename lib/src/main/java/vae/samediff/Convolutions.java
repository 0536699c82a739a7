package vae.samediff;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;

/**
 * PyTorch's {@code nn.Conv2d(in, out, 3, stride, padding=1)} and {@code nn.ConvTranspose2d(in, out, 3, stride,
 * padding=1, output_padding)} on NCHW images, with SameDiff's weight layouts: [kH, kW, in, out] for a convolution,
 * [kH, kW, out, in] for a transposed one.
 */
public final class Convolutions {
    private Convolutions() {}

    /**
     * {@code nn.Conv2d(in, out, 3, stride, padding=1)}: in [batch, in, n, n] → [batch, out, m, m], m = (n − 1) / stride + 1.
     * Stands in for {@code sd.cnn().conv2d}, which it uses where that is fastest. M2.1's {@code conv2d_bp} copies its im2col
     * buffers element by element through a permuted reshape, so its backward pass takes 7–13× its forward, worst with one
     * input or one output channel (the VAE's first and last convs: 224 → 23 and 449 → 110 ms per batch as {@link #im2col},
     * while for 16→32 and 32→64 im2col was slower). Under a oneDNN build conv2d is oneDNN's ({@link OneDnn}) and fastest
     * everywhere (the last conv: 23–46 ms forward + backward, as im2col 960). Timings are no test:
     * {@code bash bench/conv-layers.sh} measures them; {@code ConvolutionsTest} shows both forms give the same outputs and
     * gradients.
     */
    public static SDVariable conv3x3(SameDiff sd, String name, SDVariable in, SDVariable weights, SDVariable bias, long n, int stride) {
        long[] w = kernelShape(weights, "error.conv.kernelShape");
        OneDnn.useForConvolutions(sd);   // the graph that gets a conv2d runs it on oneDNN where loaded
        if ((w[2] == 1 || w[3] == 1) && !OneDnn.loaded()) return im2col(sd, name, in, weights, bias, n, stride);
        return sd.cnn().conv2d(name, in, weights, bias, config(stride));
    }

    /**
     * The same convolution written as its two steps, im2col + one batched matmul, with every reshape of a contiguous
     * array (free); its backward pass is a batched matmul and col2im. Public so the benchmark can time it on any layer.
     */
    public static SDVariable im2col(SameDiff sd, String name, SDVariable in, SDVariable weights, SDVariable bias, long n, int stride) {
        long[] w = kernelShape(weights, "error.conv.kernelShape");
        long inC = w[2], outC = w[3], m = (n - 1) / stride + 1;
        SDVariable columns = sd.cnn().im2Col(name + "Patches", in, config(stride));                  // [batch, inC, 3, 3, m, m]: every 3×3 patch
        SDVariable batch = sd.sizeAt(in, 0).reshape(1);
        SDVariable flatColumns = sd.reshape(columns, sd.concat(0, batch, sd.constant(Nd4j.createFromArray(inC * 9, m * m))));   // [batch, inC·9, m·m]
        SDVariable kernel = sd.permute(weights, 3, 2, 0, 1).reshape(1, outC, inC * 9);                 // [1, outC, inC·9]
        SDVariable kernels = sd.tile(kernel, sd.concat(0, batch, sd.constant(Nd4j.createFromArray(1L, 1L))));  // [batch, outC, inC·9]
        SDVariable product = sd.mmul(kernels, flatColumns);                                            // [batch, outC, m·m]: one GEMM per image
        return sd.reshape(product, -1, outC, m, m).add(name, bias.reshape(1, outC, 1, 1));            // [batch, outC, m, m]
    }

    /**
     * {@code nn.ConvTranspose2d(in, out, 3, stride, padding=1, output_padding)}: in [batch, in, n, n] → [batch, out, m, m],
     * m = (n − 1)·stride − 2 + 3 + outputPadding (2n for stride 2 and output_padding 1). Stands in for
     * {@code sd.cnn().deconv2d}, which has no output_padding ({@code ConvolutionsTest.deconv2dHasNoOutputPadding}): its VALID
     * form, (n − 1)·stride + 3, is cropped to rows and columns [1, 1 + m), which is the whole difference. Its SAME mode gives
     * the size 2n but crops the other side ({@code ConvolutionsTest.deconv2dsSameModeIsNotPyTorchsOutputPadding}). It cannot
     * be matmul + col2im, as {@link #im2col} is for a conv, because col2im has no gradient in M2.1
     * ({@code ConvolutionsTest.col2imHasNoGradient}); {@link #subPixelConvTranspose3x3} writes the stride-2 case with im2col
     * instead, with the same outputs and gradients.
     */
    public static SDVariable convTranspose3x3(SameDiff sd, SDVariable in, SDVariable weights, SDVariable bias, long n, int stride, int outputPadding) {
        OneDnn.useForConvolutions(sd);   // the graph that gets a deconv2d runs it on oneDNN where loaded
        if (outputPadding < 0 || outputPadding > 1 || outputPadding >= stride) {   // PyTorch: output_padding < stride, and here ≤ padding
            throw new IllegalArgumentException(Language.text(stride > 1 ? "error.conv.outputPadding" : "error.conv.outputPaddingZero", outputPadding, stride));
        }
        int m = Math.toIntExact((n - 1) * stride - 2 + 3 + outputPadding);
        DeConv2DConfig valid = DeConv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(0).pW(0).isSameMode(false).dataFormat("NCHW").build();
        // The bias is added after the crop, not by deconv2d: oneDNN adds a deconvolution's bias in its slow reference
        // code (8 % of a conv VAE batch under perf), and the crop then has fewer values to carry.
        SDVariable full = sd.cnn().deconv2d(in, weights, valid);                             // [batch, out, (n−1)·stride + 3, …]
        SDVariable cropped = full.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, 1 + m), SDIndex.interval(1, 1 + m));
        return cropped.add(bias.reshape(1, -1, 1, 1));
    }

    /**
     * {@code nn.ConvTranspose2d(in, out, 3, 2, padding=1, output_padding=1)} without deconv2d, as a "sub-pixel" convolution:
     * in [batch, in, n, n] → [batch, out, 2n, 2n], same outputs and gradients as {@link #convTranspose3x3}
     * ({@code ConvolutionsTest}). Only stride 2 with output_padding 1, the conv VAE's layers. Public so the benchmark can
     * time it against deconv2d ({@code bash bench/conv-layers.sh}): on two cores shared with another build its forward
     * pass took half of deconv2d's (about 25 vs 50 ms at 64→32, 7→14, and 45 vs 95 ms at 32→16, 14→28, batch 128), and
     * forward + backward too when the machine was quiet (55 vs 105, 100 vs 180 ms), but that was slower in three runs of
     * five; and under oneDNN (the default on Linux x86-64) oneDNN's deconv2d is several times faster than this form (README,
     * Performance). So {@code ConvDecoder} keeps {@link #convTranspose3x3}.
     */
    public static SDVariable subPixelConvTranspose3x3(SameDiff sd, SDVariable in, SDVariable weights, SDVariable bias, long n, int stride, int outputPadding) {
        if (stride != 2 || outputPadding != 1) {
            throw new IllegalArgumentException(Language.text("error.conv.subPixel", stride, outputPadding));
        }
        long[] w = kernelShape(weights, "error.conv.kernelShapeTransposed");
        long outC = w[2], inC = w[3];
        // In 1-D PyTorch's out[y] = Σ in[i]·w[k] over y = 2i − 1 + k: an even output 2p takes only in[p]·w[1], an odd one
        // 2p + 1 takes in[p]·w[2] + in[p + 1]·w[0], with in[n] = 0 (that zero is output_padding). So in 2-D every output
        // pixel (2p + a, 2q + b) is a 2×2 convolution of the input window at rows p..p+1, columns q..q+1: one conv with
        // 4 outputs per channel, one per phase (a, b), read off the 3×3 kernel. im2col has a gradient in M2.1, col2im not.
        SDVariable padded = sd.nn().pad(in, sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 0}, {0, 1}, {0, 1}})), 0.0); // [batch, inC, n+1, n+1]: in[n] = 0
        Conv2DConfig window = Conv2DConfig.builder().kH(2).kW(2).sH(1).sW(1).pH(0).pW(0).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        SDVariable columns = sd.cnn().im2Col(padded, window);                                          // [batch, inC, 2, 2, n, n]: (c, dy, dx) per pixel
        // One 2-D GEMM for the whole batch: with M2.1's batched mmul, one GEMM per image as im2col does, this form was 2–5×
        // slower than deconv2d. The columns move as a 3-D transpose: the same move written as a 6-D permute took up to twice as long.
        SDVariable flatColumns = sd.reshape(sd.permute(columns.reshape(-1, inC * 4, n * n), 1, 0, 2), inC * 4, -1);   // [inC·4, batch·n·n]
        // Each phase's 2×2 kernel picks taps of the 3×3 one (or none), so a 0/1 matrix maps the kernel to all four phases'
        // kernels, and the gradient of the weights flows back through this one small matmul.
        SDVariable taps = sd.reshape(weights, 9, outC * inC);                                          // [(i, j), (o, c)]
        SDVariable phaseKernels = sd.mmul(sd.constant(phaseSelection(weights.dataType())), taps);     // [(a, b, dy, dx), (o, c)]
        SDVariable kernel = sd.permute(phaseKernels.reshape(2, 2, 2, 2, outC, inC), 4, 0, 1, 5, 2, 3).reshape(outC * 4, inC * 4);   // [(o, a, b), (c, dy, dx)]
        SDVariable product = sd.mmul(kernel, flatColumns);                                             // [outC·4, batch·n·n]
        SDVariable phases = sd.permute(product.reshape(outC, 2, 2, -1, n, n), 3, 0, 4, 1, 5, 2);       // [batch, outC, p, a, q, b]
        return sd.reshape(phases, -1, outC, 2 * n, 2 * n).add(bias.reshape(1, outC, 1, 1));           // [batch, outC, 2n, 2n]: row 2p + a, column 2q + b
    }

    /** [16, 9]: row (a, b, dy, dx) has a 1 at the 3×3 tap (i, j) that output phase (a, b) applies to input (p + dy, q + dx). */
    private static INDArray phaseSelection(DataType type) {
        int[][] tap = {{1, -1}, {2, 0}};   // tap[a][d]: the kernel row (or column) for output phase a from input offset d; −1: none
        double[][] s = new double[16][9];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) {
            if (tap[a][dy] >= 0 && tap[b][dx] >= 0) s[((a * 2 + b) * 2 + dy) * 2 + dx][tap[a][dy] * 3 + tap[b][dx]] = 1;
        }
        return Nd4j.createFromArray(s).castTo(type);
    }

    /** k3, padding 1: PaddingMode.VALID with explicit padding is PyTorch's padding=1. */
    private static Conv2DConfig config(int stride) {
        return Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(1).pW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
    }

    /** {@code needs}: the key of the message that says which shape the kernel needs. */
    private static long[] kernelShape(SDVariable weights, String needs) {
        long[] w = weights.getShape();
        if (w == null || w.length != 4 || w[0] != 3 || w[1] != 3) {
            throw new IllegalArgumentException(Language.text(needs, weights.name(), java.util.Arrays.toString(w)));
        }
        return w;
    }
}
