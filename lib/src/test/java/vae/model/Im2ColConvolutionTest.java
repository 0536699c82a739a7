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
        for (long outC : new long[] {1, 3}) {
            Nd4j.getRandom().setSeed(5);
            INDArray in = Nd4j.rand(DataType.DOUBLE, 4, 5, 7, 7), w = Nd4j.rand(DataType.DOUBLE, 3, 3, 5, outC).subi(0.5), b = Nd4j.rand(DataType.DOUBLE, outC);
            INDArray upstream = Nd4j.rand(DataType.DOUBLE, 4, outC, 7, 7);   // a non-uniform gradient arriving from above
            Map<String, INDArray> plain = run(in, w, b, upstream, false), fast = run(in, w, b, upstream, true);
            for (String name : new String[] {"out", "in-grad", "w-grad", "b-grad"}) {
                assertArrayEquals(plain.get(name).ravel().toDoubleVector(), fast.get(name).ravel().toDoubleVector(), 1e-10, name + " for " + outC + " output channels");
            }
        }
    }

    private static Map<String, INDArray> run(INDArray inArr, INDArray wArr, INDArray bArr, INDArray upstream, boolean fast) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("in", inArr.dup()), w = sd.var("w", wArr.dup()), b = sd.var("b", bArr.dup());
        SDVariable out = fast ? Im2ColConvolution.conv3x3(sd, "out", in, w, b, inArr.size(1), wArr.size(3), 7)
                : sd.cnn().conv2d("out", in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
        sd.setLossVariables(out.mul(sd.constant(upstream)).sum("loss"));
        Map<String, INDArray> g = Vae.quietly(() -> sd.calculateGradients(Map.of(), "in", "w", "b"));
        return Map.of("out", sd.output(Map.of(), out.name()).get(out.name()), "in-grad", g.get("in"), "w-grad", g.get("w"), "b-grad", g.get("b"));
    }
}
