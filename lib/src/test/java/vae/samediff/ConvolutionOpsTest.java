package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/**
 * Every convolution of the conv VAE, at its shapes and in both precisions, against plain Java loops that share no code
 * with ND4J: the output and the gradients for the input, the weights and the bias. It holds whichever natives are
 * loaded (generic, AVX-512, oneDNN: {@code mvn test -Ponednn-avx512}), in graphs set up as the library's are
 * ({@link OneDnn#useForConvolutions}); under a oneDNN build these are the ops it runs on oneDNN, so this is the test
 * that says whether {@link OneDnn#PROVEN} may hold them.
 */
class ConvolutionOpsTest {
    static { Backend.start(); }

    /** conv2d through SameDiff's op (not the library's im2col form) at each conv layer of the VAE. */
    @ParameterizedTest(name = "conv2d {0}→{1}, {2}×{2}, stride {3}, batch {4}, {5}")
    @CsvSource({
            "1, 16, 28, 1, 128, FLOAT", "16, 32, 28, 2, 128, FLOAT", "32, 64, 14, 2, 128, FLOAT", "16, 1, 28, 1, 128, FLOAT",
            "1, 16, 28, 1, 3, DOUBLE", "16, 32, 28, 2, 3, DOUBLE", "32, 64, 14, 2, 3, DOUBLE", "16, 1, 28, 1, 3, DOUBLE"})
    void conv2dMatchesTheLoops(int inC, int outC, int n, int stride, int batch, DataType type) {
        Nd4j.getRandom().setSeed(11);
        int m = (n - 1) / stride + 1;
        INDArray in = Nd4j.rand(type, batch, inC, n, n), w = Nd4j.rand(type, 3, 3, inC, outC).subi(0.5), b = Nd4j.rand(type, outC);
        INDArray upstream = Nd4j.rand(type, batch, outC, m, m).subi(0.5);
        SameDiff sd = OneDnn.useForConvolutions(SameDiff.create());   // as the library's graphs run them
        SDVariable out = sd.cnn().conv2d("out", sd.var("in", in.dup()), sd.var("w", w.dup()), sd.var("b", b.dup()),
                Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(1).pW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
        Loops expected = Loops.conv(in, w, b, upstream, stride, m);
        compare(sd, out, upstream, expected, type, "conv2d " + inC + "→" + outC + " " + n + "×" + n + " s" + stride + " batch " + batch);
    }

    /** The library's transposed conv (deconv2d, cropped to PyTorch's output_padding 1) at the VAE's two decoder layers. */
    @ParameterizedTest(name = "transposed conv {0}→{1}, {2}×{2} → {3}, batch {4}, {5}")
    @CsvSource({"64, 32, 7, 14, 128, FLOAT", "32, 16, 14, 28, 128, FLOAT", "64, 32, 7, 14, 3, DOUBLE", "32, 16, 14, 28, 3, DOUBLE"})
    void convTransposeMatchesTheLoops(int inC, int outC, int n, int m, int batch, DataType type) {
        Nd4j.getRandom().setSeed(13);
        INDArray in = Nd4j.rand(type, batch, inC, n, n), w = Nd4j.rand(type, 3, 3, outC, inC).subi(0.5), b = Nd4j.rand(type, outC);
        INDArray upstream = Nd4j.rand(type, batch, outC, m, m).subi(0.5);
        SameDiff sd = OneDnn.useForConvolutions(SameDiff.create());
        SDVariable out = Convolutions.convTranspose3x3(sd, sd.var("in", in.dup()), sd.var("w", w.dup()), sd.var("b", b.dup()), n, 2, 1);
        Loops expected = Loops.convTranspose(in, w, b, upstream, 2, m);
        compare(sd, out, upstream, expected, type, "transposed conv " + inC + "→" + outC + " " + n + "→" + m + " batch " + batch);
    }

    private static void compare(SameDiff sd, SDVariable out, INDArray upstream, Loops expected, DataType type, String what) {
        sd.setLossVariables(out.mul(sd.constant(upstream)).sum("loss"));   // so the gradient arriving at the output is `upstream`
        Map<String, INDArray> g = Stdout.quietly(() -> sd.calculateGradients(Map.of(), "in", "w", "b"));
        INDArray actual = sd.output(Map.of(), out.name()).get(out.name());
        assertArrayEquals(expected.outShape, actual.shape(), what + ": output shape");
        close(expected.out, actual, type, what + ": output");
        close(expected.inGrad, g.get("in"), type, what + ": gradient for the input");
        close(expected.wGrad, g.get("w"), type, what + ": gradient for the weights");
        close(expected.bGrad, g.get("b"), type, what + ": gradient for the bias");
    }

    /**
     * Largest difference relative to the largest value. A float sum drifts with its length and order: the bias gradient
     * sums 128·28·28 = 100,352 floats, and oneDNN's order differed from the loops' by 7·10⁻⁵ of the value (libnd4j's by
     * less); a wrong kernel is off by the value itself (oneDNN's xw_plus_b: 0.3 on 0.4, {@code OneDnnTest}).
     */
    private static void close(double[] expected, INDArray actual, DataType type, String what) {
        double[] a = actual.ravel().toDoubleVector();
        assertTrue(a.length == expected.length, what + ": " + a.length + " values, expected " + expected.length);
        double scale = 0, worst = 0;
        int at = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            if (!(Math.abs(a[i] - expected[i]) <= worst)) { worst = Math.abs(a[i] - expected[i]); at = i; }
        }
        double tolerance = (type == DataType.DOUBLE ? 1e-12 : 5e-4) * Math.max(1, scale);
        assertTrue(worst <= tolerance, what + " (natives " + Backend.natives() + "): off by " + worst + " at flat index " + at
                + " (expected " + expected[at] + ", came " + a[at] + "; allowed " + tolerance + ")");
    }

    /** PyTorch's definitions, padding 1, written as loops over plain double arrays. */
    private record Loops(long[] outShape, double[] out, double[] inGrad, double[] wGrad, double[] bGrad) {
        /** out[b, o, y, x] = bias[o] + Σ in[b, c, y·s − 1 + i, x·s − 1 + j]·w[i, j, c, o]; the gradients of Σ out·upstream. */
        static Loops conv(INDArray inArr, INDArray wArr, INDArray bArr, INDArray upArr, int s, int m) {
            int batch = (int) inArr.size(0), inC = (int) inArr.size(1), n = (int) inArr.size(2), outC = (int) wArr.size(3);
            double[] in = inArr.ravel().toDoubleVector(), w = wArr.ravel().toDoubleVector(), up = upArr.ravel().toDoubleVector();
            double[] out = new double[batch * outC * m * m], dIn = new double[in.length], dW = new double[w.length], dB = new double[outC];
            for (int bi = 0; bi < batch; bi++) for (int o = 0; o < outC; o++) for (int y = 0; y < m; y++) for (int x = 0; x < m; x++) {
                int oi = ((bi * outC + o) * m + y) * m + x;
                double sum = bArr.getDouble(o), u = up[oi];
                dB[o] += u;
                for (int c = 0; c < inC; c++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
                    int r = y * s - 1 + i, q = x * s - 1 + j;
                    if (r < 0 || r >= n || q < 0 || q >= n) continue;
                    int ii = ((bi * inC + c) * n + r) * n + q, wi = ((i * 3 + j) * inC + c) * outC + o;
                    sum += in[ii] * w[wi];
                    dIn[ii] += u * w[wi];
                    dW[wi] += u * in[ii];
                }
                out[oi] = sum;
            }
            return new Loops(new long[] {batch, outC, m, m}, out, dIn, dW, dB);
        }

        /** out[b, o, y·s − 1 + i, x·s − 1 + j] += in[b, c, y, x]·w[i, j, o, c] inside [0, m), plus bias[o]. */
        static Loops convTranspose(INDArray inArr, INDArray wArr, INDArray bArr, INDArray upArr, int s, int m) {
            int batch = (int) inArr.size(0), inC = (int) inArr.size(1), n = (int) inArr.size(2), outC = (int) wArr.size(2);
            double[] in = inArr.ravel().toDoubleVector(), w = wArr.ravel().toDoubleVector(), up = upArr.ravel().toDoubleVector();
            double[] out = new double[batch * outC * m * m], dIn = new double[in.length], dW = new double[w.length], dB = new double[outC];
            for (int bi = 0; bi < batch; bi++) for (int o = 0; o < outC; o++) for (int r = 0; r < m; r++) for (int q = 0; q < m; q++) {
                int oi = ((bi * outC + o) * m + r) * m + q;
                out[oi] = bArr.getDouble(o);
                dB[o] += up[oi];
            }
            for (int bi = 0; bi < batch; bi++) for (int c = 0; c < inC; c++) for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
                int ii = ((bi * inC + c) * n + y) * n + x;
                for (int o = 0; o < outC; o++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
                    int r = y * s - 1 + i, q = x * s - 1 + j;
                    if (r < 0 || r >= m || q < 0 || q >= m) continue;
                    int oi = ((bi * outC + o) * m + r) * m + q, wi = ((i * 3 + j) * outC + o) * inC + c;
                    out[oi] += in[ii] * w[wi];
                    dIn[ii] += up[oi] * w[wi];
                    dW[wi] += up[oi] * in[ii];
                }
            }
            return new Loops(new long[] {batch, outC, m, m}, out, dIn, dW, dB);
        }
    }
}
