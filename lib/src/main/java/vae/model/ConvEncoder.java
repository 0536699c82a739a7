package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import vae.samediff.Activations;
import vae.samediff.Convolutions;

/**
 * The convolutional encoder of PyTorch tutorials: conv 1→16 (k3, p1), 16→32 (k3, s2, p1), 32→64 (k3, s2, p1),
 * ReLU each, flatten 64·7·7 = 3136, then linear heads to μ and logvar. Shapes: 28 → 28 → 14 → 7.
 */
public final class ConvEncoder {
    private ConvEncoder() {}

    static void declare(Parameters p, VaeConfig c) {
        p.conv3x3("conv1", 1, 16);
        p.conv3x3("conv2", 16, 32);
        p.conv3x3("conv3", 32, 64);
        p.linear("mu", 3136, c.latentSize());
        p.linear("logVar", 3136, c.latentSize());
    }

    static Encoder.Output build(SameDiff sd, SDVariable x, Map<String, SDVariable> w) {
        SDVariable image = sd.reshape("image", x, -1, 1, 28, 28);  // [batch, 1, 28, 28]
        SDVariable c1 = convRelu(sd, "conv1", image, w, 28, 1);     // [batch, 16, 28, 28]
        SDVariable c2 = convRelu(sd, "conv2", c1, w, 28, 2);        // [batch, 32, 14, 14]
        SDVariable c3 = convRelu(sd, "conv3", c2, w, 14, 2);        // [batch, 64, 7, 7]
        SDVariable flat = sd.reshape("flattened", c3, -1, 3136);    // [batch, 3136]
        return Encoder.heads(sd, flat, w);                          // μ, logvar: [batch, latent]
    }

    /** {@code F.relu(nn.Conv2d(k3, stride, p1)(in))} of an n×n input: the ReLU is {@code name}, the convolution nameLinear. */
    private static SDVariable convRelu(SameDiff sd, String name, SDVariable in, Map<String, SDVariable> w, long n, int stride) {
        return Activations.relu(sd, name, Convolutions.conv3x3(sd, name + "Linear", in, w.get(name + "W"), w.get(name + "B"), n, stride));
    }
}
