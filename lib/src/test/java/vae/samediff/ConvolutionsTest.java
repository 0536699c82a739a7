package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/** The fast im2col + matmul convolution computes what SameDiff's conv2d computes: outputs and all three gradients. */
class Im2ColConvolutionTest {
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

    private static Map<String, INDArray> run(INDArray inArr, INDArray wArr, INDArray bArr, INDArray upstream, int stride, boolean fast) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("in", inArr.dup()), w = sd.var("w", wArr.dup()), b = sd.var("b", bArr.dup());
        SDVariable out = fast ? Im2ColConvolution.conv3x3(sd, "out", in, w, b, inArr.size(1), wArr.size(3), inArr.size(2), stride)
                : sd.cnn().conv2d("out", in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(1).pW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
        sd.setLossVariables(out.mul(sd.constant(upstream)).sum("loss"));
        Map<String, INDArray> g = vae.Backend.quietly(() -> sd.calculateGradients(Map.of(), "in", "w", "b"));
        return Map.of("out", sd.output(Map.of(), out.name()).get(out.name()), "in-grad", g.get("in"), "w-grad", g.get("w"), "b-grad", g.get("b"));
    }
}
