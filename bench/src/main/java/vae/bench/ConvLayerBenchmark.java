package vae.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;
import vae.samediff.Convolutions;
import vae.samediff.Stdout;

/**
 * Times each of the conv VAE's layers alone, forward and forward + backward, batch 128: SameDiff's conv2d / deconv2d
 * with NCHW and NHWC data, the convolutions also as {@link Convolutions#im2col} and the transposed ones also as
 * {@link Convolutions#convTranspose3x3} ("cropped": deconv2d cropped to PyTorch's size, as the conv VAE had it) and as
 * {@link Convolutions#subPixelConvTranspose3x3}, both NCHW, timed between deconv2d's rows. It finds which layer and which
 * formulation costs what; not a test. (Weights as OIYX instead of YXIO fail in M2.1's conv2d_bp, so are not timed.)
 *
 * <pre>java -cp … vae.bench.ConvLayerBenchmark [repeats]</pre>
 */
public final class ConvLayerBenchmark {
    private ConvLayerBenchmark() {}

    private record Layer(String name, boolean transposed, int inC, int outC, int n, int stride) {}

    private static final List<Layer> LAYERS = List.of(
            new Layer("conv1 1→16 s1 28", false, 1, 16, 28, 1),
            new Layer("conv2 16→32 s2 28", false, 16, 32, 28, 2),
            new Layer("conv3 32→64 s2 14", false, 32, 64, 14, 2),
            new Layer("deconv1 64→32 s2 7", true, 64, 32, 7, 2),
            new Layer("deconv2 32→16 s2 14", true, 32, 16, 14, 2),
            new Layer("output 16→1 s1 28", false, 16, 1, 28, 1));

    public static void main(String[] args) {
        vae.runtime.Launch.prepareThisJvm();
        Backend.start();
        System.out.println("# natives loaded: " + Backend.natives());
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int batch = 128;
        System.out.printf(Locale.ROOT, "%-22s %-8s %10s %14s%n", "layer", "form", "fwd ms", "fwd+bwd ms");
        for (Layer layer : LAYERS) {
            for (String form : layer.transposed ? new String[] {"NCHW", "cropped", "subPixel", "NHWC"} : new String[] {"NCHW", "NHWC", "im2col"}) {
                double[] ms = time(layer, form, batch, repeats);
                System.out.printf(Locale.ROOT, "%-22s %-8s %10.1f %14.1f%n", layer.name, form, ms[0], ms[1]);
            }
        }
    }

    private static double[] time(Layer layer, String form, int batch, int repeats) {
        boolean im2col = form.equals("im2col"), cropped = form.equals("cropped"), subPixel = form.equals("subPixel");
        String format = im2col || cropped || subPixel ? "NCHW" : form;
        SameDiff sd = vae.samediff.OneDnn.useForConvolutions(SameDiff.create());   // as the library's graphs: oneDNN convolutions where loaded
        long[] inShape = format.equals("NCHW") ? new long[] {batch, layer.inC, layer.n, layer.n} : new long[] {batch, layer.n, layer.n, layer.inC};
        SDVariable in = sd.var("in", Nd4j.rand(DataType.FLOAT, inShape));
        SDVariable out;
        if (layer.transposed) {
            SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, 3, 3, layer.outC, layer.inC).subi(0.5));
            SDVariable b = sd.var("b", Nd4j.zeros(DataType.FLOAT, layer.outC));
            out = cropped ? Convolutions.convTranspose3x3(sd, in, w, b, layer.n, layer.stride, 1)
                    : subPixel ? Convolutions.subPixelConvTranspose3x3(sd, in, w, b, layer.n, layer.stride, 1)
                    : sd.cnn().deconv2d(in, w, b, DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(0).pW(0)
                            .isSameMode(false).dataFormat(format).build());
        } else {
            SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, 3, 3, layer.inC, layer.outC).subi(0.5));
            SDVariable b = sd.var("b", Nd4j.zeros(DataType.FLOAT, layer.outC));
            out = im2col ? Convolutions.im2col(sd, "conv", in, w, b, layer.n, layer.stride) : sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(layer.stride).sW(layer.stride).pH(1).pW(1)
                    .paddingMode(PaddingMode.VALID).dataFormat(format).build());
        }
        SDVariable loss = out.mul(out).sum("loss");
        sd.setLossVariables(loss);
        for (int i = 0; i < 3; i++) {   // warm up: JIT, allocator
            sd.output(Map.<String, INDArray>of(), "loss");
            gradients(sd);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) sd.output(Map.<String, INDArray>of(), "loss");
        long t1 = System.nanoTime();
        for (int i = 0; i < repeats; i++) gradients(sd);
        long t2 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6 / repeats, (t2 - t1) / 1e6 / repeats};
    }

    /** Both gradients a layer inside a network needs. */
    private static void gradients(SameDiff sd) {
        Stdout.quietly(() -> sd.calculateGradients(Map.of(), "w", "in"));
    }
}
