package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vae.runtime.Backend;

/**
 * {@link Convolutions} against SameDiff's own conv2d and against PyTorch's definition of a transposed convolution in
 * plain doubles; and the M2.1 behaviours that make them necessary.
 */
class ConvolutionsTest {
    static { Backend.start(); }

    @Test
    void sameOutputsAndGradientsAsConv2d() {
        // the shapes the conv VAE uses it for (1 → many channels, many → 1), a general one, and stride 2 on an odd size
        long[][] cases = {{1, 4, 7, 1}, {5, 1, 7, 1}, {5, 3, 7, 1}, {2, 3, 7, 2}, {3, 2, 8, 2}};   // inC, outC, n, stride
        for (long[] c : cases) {
            long inC = c[0], outC = c[1], n = c[2];
            int stride = (int) c[3];
            long m = (n - 1) / stride + 1;
            Nd4j.getRandom().setSeed(5);
            INDArray in = Nd4j.rand(DataType.DOUBLE, 4, inC, n, n), w = Nd4j.rand(DataType.DOUBLE, 3, 3, inC, outC).subi(0.5), b = Nd4j.rand(DataType.DOUBLE, outC);
            INDArray upstream = Nd4j.rand(DataType.DOUBLE, 4, outC, m, m);   // a non-uniform gradient arriving from above
            Map<String, INDArray> plain = run(in, w, b, upstream, stride, false), fast = run(in, w, b, upstream, stride, true);
            assertArrayEquals(new long[] {4, outC, m, m}, fast.get("out").shape(), "output shape");
            for (String name : new String[] {"out", "in-grad", "w-grad", "b-grad"}) {
                assertArrayEquals(plain.get(name).ravel().toDoubleVector(), fast.get(name).ravel().toDoubleVector(), 1e-10,
                        name + " for " + inC + "→" + outC + " channels, " + n + "×" + n + ", stride " + stride);
            }
        }
    }

    @Test
    void conv3x3IsIm2colWhereAChannelCountIsOneAndConv2dElsewhere() {
        // The VAE's 1→16 and 16→1 convs go through im2col (its "Patches"), 16→32 and 32→64 stay conv2d: as measured;
        // under a oneDNN build all four are conv2d (oneDNN's).
        for (long[] c : new long[][] {{1, 16, 1}, {16, 1, 1}, {16, 32, 0}, {32, 64, 0}}) {
            SameDiff sd = SameDiff.create();
            SDVariable in = sd.var("in", Nd4j.rand(DataType.FLOAT, 2, c[0], 6, 6));
            SDVariable out = Convolutions.conv3x3(sd, "out", in, sd.var("w", Nd4j.rand(DataType.FLOAT, 3, 3, c[0], c[1])), sd.var("b", Nd4j.zeros(DataType.FLOAT, c[1])), 6, 2);
            assertEquals(c[2] == 1 && !OneDnn.loaded(), sd.hasVariable("outPatches"), c[0] + "→" + c[1] + ", natives " + vae.runtime.Backend.natives());
            assertArrayEquals(new long[] {2, c[1], 3, 3}, out.eval().shape(), c[0] + "→" + c[1]);
        }
    }

    @Test
    void convTransposeIsPyTorchsConvTranspose2dWithOutputPadding() {
        // stride 2 with output_padding 1 (the VAE's: n → 2n) and 0 (n → 2n − 1), and stride 1 (n → n)
        for (int[] c : new int[][] {{2, 1}, {2, 0}, {1, 0}}) {
            int stride = c[0], outputPadding = c[1], n = 5, inC = 3, outC = 2;
            Nd4j.getRandom().setSeed(7);
            INDArray in = Nd4j.rand(DataType.DOUBLE, 2, inC, n, n), w = Nd4j.rand(DataType.DOUBLE, 3, 3, outC, inC).subi(0.5), b = Nd4j.rand(DataType.DOUBLE, outC);
            SameDiff sd = SameDiff.create();
            INDArray out = Convolutions.convTranspose3x3(sd, sd.var("in", in), sd.var("w", w), sd.var("b", b), n, stride, outputPadding).eval();
            INDArray expected = pyTorchConvTranspose(in, w, b, stride, outputPadding);
            assertArrayEquals(expected.shape(), out.shape(), "stride " + stride + ", output_padding " + outputPadding);
            assertArrayEquals(expected.ravel().toDoubleVector(), out.ravel().toDoubleVector(), 1e-12, "stride " + stride + ", output_padding " + outputPadding);
        }
    }

    @Test
    void convTransposeRejectsAnOutputPaddingPyTorchWouldReject() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            SameDiff sd = SameDiff.create();
            Convolutions.convTranspose3x3(sd, sd.var("in", Nd4j.rand(DataType.FLOAT, 1, 1, 3, 3)), sd.var("w", Nd4j.rand(DataType.FLOAT, 3, 3, 1, 1)), sd.var("b", Nd4j.zeros(DataType.FLOAT, 1)), 3, 1, 1);
        });
        assertEquals("outputPadding is 1 but with padding 1 and stride 1 it must be 0 (PyTorch: output_padding < stride, and here ≤ padding)", e.getMessage());
    }

    @Test
    void subPixelConvTransposeHasTheSameOutputsAndGradientsAsDeconv2d() {
        // batch, inC, outC, n: a general shape, the one-channel ends, and n = 1 (only output_padding's zero row below)
        long[][] shapes = {{3, 4, 5, 7}, {2, 1, 3, 4}, {2, 3, 1, 5}, {2, 2, 2, 1}};
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tolerance = type == DataType.DOUBLE ? 1e-10 : 1e-4;
            for (long[] c : shapes) {
                long batch = c[0], inC = c[1], outC = c[2], n = c[3];
                Nd4j.getRandom().setSeed(11);
                INDArray in = Nd4j.rand(type, batch, inC, n, n), w = Nd4j.rand(type, 3, 3, outC, inC).subi(0.5), b = Nd4j.rand(type, outC);
                INDArray upstream = Nd4j.rand(type, batch, outC, 2 * n, 2 * n).subi(0.5);   // a non-uniform gradient arriving from above
                Map<String, INDArray> deconv = run(in, w, b, upstream, (sd, x, wv, bv) -> Convolutions.convTranspose3x3(sd, x, wv, bv, n, 2, 1));
                Map<String, INDArray> subPixel = run(in, w, b, upstream, (sd, x, wv, bv) -> Convolutions.subPixelConvTranspose3x3(sd, x, wv, bv, n, 2, 1));
                String shape = type + ", batch " + batch + ", " + inC + "→" + outC + " channels, " + n + "×" + n;
                assertArrayEquals(new long[] {batch, outC, 2 * n, 2 * n}, subPixel.get("out").shape(), "output shape, " + shape);
                for (String name : new String[] {"out", "in-grad", "w-grad", "b-grad"}) {
                    assertArrayEquals(deconv.get(name).ravel().toDoubleVector(), subPixel.get(name).ravel().toDoubleVector(), tolerance, name + ", " + shape);
                }
            }
        }
    }

    @Test
    void subPixelConvTransposeIsPyTorchsConvTranspose2dWithOutputPadding() {
        Nd4j.getRandom().setSeed(13);
        INDArray in = Nd4j.rand(DataType.DOUBLE, 3, 4, 7, 7), w = Nd4j.rand(DataType.DOUBLE, 3, 3, 5, 4).subi(0.5), b = Nd4j.rand(DataType.DOUBLE, 5);
        SameDiff sd = SameDiff.create();
        INDArray out = Convolutions.subPixelConvTranspose3x3(sd, sd.var("in", in), sd.var("w", w), sd.var("b", b), 7, 2, 1).eval();
        INDArray expected = pyTorchConvTranspose(in, w, b, 2, 1);
        assertArrayEquals(expected.shape(), out.shape());
        assertArrayEquals(expected.ravel().toDoubleVector(), out.ravel().toDoubleVector(), 1e-12);
    }

    @Test
    void subPixelConvTransposeRejectsAStrideOtherThanTwoOrAnOutputPaddingOtherThanOne() {
        for (int[] c : new int[][] {{1, 0}, {2, 0}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                SameDiff sd = SameDiff.create();
                Convolutions.subPixelConvTranspose3x3(sd, sd.var("in", Nd4j.rand(DataType.FLOAT, 1, 1, 3, 3)), sd.var("w", Nd4j.rand(DataType.FLOAT, 3, 3, 1, 1)), sd.var("b", Nd4j.zeros(DataType.FLOAT, 1)), 3, c[0], c[1]);
            });
            assertEquals("the sub-pixel transposed conv is written for stride 2 and output_padding 1 (n → 2n), but got stride " + c[0]
                    + " and output_padding " + c[1] + ". Use Convolutions.convTranspose3x3 for other settings", e.getMessage());
        }
    }

    // ---- The ND4J M2.1 behaviours worked around. If one of these starts failing after an upgrade, read the method it names. ----

    /** Why {@link Convolutions#convTranspose3x3} crops: M2.1's deconv2d configuration has no output_padding at all. */
    @Test
    void deconv2dHasNoOutputPadding() {
        String[] fields = Arrays.stream(DeConv2DConfig.class.getDeclaredFields()).map(Field::getName).toArray(String[]::new);
        assertFalse(Arrays.stream(fields).anyMatch(f -> f.toLowerCase().contains("out")), Arrays.toString(fields));
    }

    /** Why not SAME mode: it gives PyTorch's size, 2n, but keeps rows [0, 2n) of the VALID result where PyTorch keeps [1, 2n + 1). */
    @Test
    void deconv2dsSameModeIsNotPyTorchsOutputPadding() {
        Nd4j.getRandom().setSeed(3);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("in", Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 4)), w = sd.var("w", Nd4j.rand(DataType.DOUBLE, 3, 3, 1, 1));
        INDArray valid = sd.cnn().deconv2d(in, w, DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(0).pW(0).isSameMode(false).dataFormat("NCHW").build()).eval();
        INDArray same = sd.cnn().deconv2d(in, w, DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(1).pW(1).isSameMode(true).dataFormat("NCHW").build()).eval();
        assertArrayEquals(new long[] {1, 1, 8, 8}, same.shape());
        assertEquals(crop(valid, 0, 8), same, "SAME mode keeps the first 2n rows and columns");
        assertFalse(crop(valid, 1, 9).equalsWithEps(same, 1e-6), "PyTorch's padding 1 + output_padding 1 keeps [1, 2n + 1)");
    }

    /** Why a transposed conv stays deconv2d and is not rewritten as matmul + col2im: the backward pass of col2im fails. */
    @Test
    void col2imHasNoGradient() {
        SameDiff sd = SameDiff.create();
        SDVariable columns = sd.var("columns", Nd4j.rand(DataType.DOUBLE, 1, 1, 3, 3, 4, 4));
        SDVariable image = sd.cnn().col2Im(columns, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
        assertEquals(4, image.eval().rank(), "col2im's forward pass works");
        sd.setLossVariables(image.sum("loss"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Stdout.quietly(() -> sd.calculateGradients(Map.of(), "columns")));
        assertTrue(e instanceof ClassCastException || String.valueOf(e.getMessage()).contains("col2im"), e.toString());
    }

    private static INDArray crop(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(from, to), NDArrayIndex.interval(from, to));
    }

    /** PyTorch's conv_transpose2d, padding 1: out[o, y·s − 1 + i, x·s − 1 + j] += in[c, y, x]·w[i, j, o, c], m = (n − 1)·s + 1 + outputPadding. */
    private static INDArray pyTorchConvTranspose(INDArray in, INDArray w, INDArray b, int s, int outputPadding) {
        int batch = (int) in.size(0), inC = (int) in.size(1), n = (int) in.size(2), outC = (int) w.size(2);
        int m = (n - 1) * s - 2 + 3 + outputPadding;
        double[][][][] out = new double[batch][outC][m][m];
        for (int bi = 0; bi < batch; bi++) for (int o = 0; o < outC; o++) {
            for (double[] row : out[bi][o]) Arrays.fill(row, b.getDouble(o));
            for (int c = 0; c < inC; c++) for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
                int r = y * s - 1 + i, q = x * s - 1 + j;
                if (r >= 0 && r < m && q >= 0 && q < m) out[bi][o][r][q] += in.getDouble(bi, c, y, x) * w.getDouble(i, j, o, c);
            }
        }
        return Nd4j.create(out);
    }

    /** A layer under test, built into {@code sd} from its input, weights and bias variables. */
    private interface Layer {
        SDVariable build(SameDiff sd, SDVariable in, SDVariable w, SDVariable b);
    }

    private static Map<String, INDArray> run(INDArray inArr, INDArray wArr, INDArray bArr, INDArray upstream, int stride, boolean fast) {
        long n = inArr.size(2);
        return run(inArr, wArr, bArr, upstream, (sd, in, w, b) -> fast ? Convolutions.im2col(sd, "out", in, w, b, n, stride)
                : sd.cnn().conv2d("out", in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(1).pW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build()));
    }

    /** The layer's output and the gradients of Σ out·upstream w.r.t. its input, weights and bias. */
    private static Map<String, INDArray> run(INDArray inArr, INDArray wArr, INDArray bArr, INDArray upstream, Layer layer) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("in", inArr.dup()), w = sd.var("w", wArr.dup()), b = sd.var("b", bArr.dup());
        SDVariable out = layer.build(sd, in, w, b);
        sd.setLossVariables(out.mul(sd.constant(upstream)).sum("loss"));
        Map<String, INDArray> g = Stdout.quietly(() -> sd.calculateGradients(Map.of(), "in", "w", "b"));
        return Map.of("out", sd.output(Map.of(), out.name()).get(out.name()), "in-grad", g.get("in"), "w-grad", g.get("w"), "b-grad", g.get("b"));
    }
}
