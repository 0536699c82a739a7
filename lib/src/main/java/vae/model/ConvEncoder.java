package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The convolutional encoder of PyTorch tutorials: conv 1→16 (k3, p1), 16→32 (k3, s2, p1), 32→64 (k3, s2, p1),
 * ReLU each, flatten 64·7·7 = 3136, then linear heads to μ and logvar. Shapes: 28 → 28 → 14 → 7.
 */
public final class ConvEncoder {
    private ConvEncoder() {}

    static void declare(Parameters p, VaeConfig c) {
        // SameDiff's conv2d weights are [kH, kW, inChannels, outChannels].
        p.declare("conv1W", 1 * 9, 3, 3, 1, 16);
        p.declare("conv1B", 1 * 9, 16);
        p.declare("conv2W", 16 * 9, 3, 3, 16, 32);
        p.declare("conv2B", 16 * 9, 32);
        p.declare("conv3W", 32 * 9, 3, 3, 32, 64);
        p.declare("conv3B", 32 * 9, 64);
        p.declare("muW", 3136, 3136, c.latentSize());
        p.declare("muB", 3136, c.latentSize());
        p.declare("logVarW", 3136, 3136, c.latentSize());
        p.declare("logVarB", 3136, c.latentSize());
    }

    static Encoder.Output build(SameDiff sd, SDVariable x, Map<String, SDVariable> w) {
        SDVariable image = sd.reshape("image", x, -1, 1, 28, 28);  // [batch, 1, 28, 28]
        // conv 1→16 as im2col + matmul: the same maths as conv2d, whose backward pass is ~10× slower here (Im2ColConvolution).
        SDVariable c1 = sd.nn().relu("conv1", Im2ColConvolution.conv3x3(sd, "conv1Linear", image, w.get("conv1W"), w.get("conv1B"), 1, 16, 28), 0); // [batch, 16, 28, 28]
        SDVariable c2 = relu(sd, "conv2", c1, w, 2);      // [batch, 32, 14, 14]
        SDVariable c3 = relu(sd, "conv3", c2, w, 2);      // [batch, 64, 7, 7]
        SDVariable flat = sd.reshape("flattened", c3, -1, 3136); // [batch, 3136]
        SDVariable mu = sd.nn().linear("mu", flat, w.get("muW"), w.get("muB"));                  // [batch, latent]
        SDVariable logVar = sd.nn().linear("logVar", flat, w.get("logVarW"), w.get("logVarB"));  // [batch, latent]
        return new Encoder.Output(mu, logVar);
    }

    private static SDVariable relu(SameDiff sd, String name, SDVariable in, Map<String, SDVariable> w, int stride) {
        Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(stride).sW(stride).pH(1).pW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        return sd.nn().relu(name, sd.cnn().conv2d(in, w.get(name + "W"), w.get(name + "B"), config), 0);
    }
}
