package vae.model;

import static vae.model.GraphNames.FLATTENED;
import static vae.model.GraphNames.IMAGE;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import vae.samediff.Activations;
import vae.samediff.Convolutions;

/**
 * The convolutional encoder of PyTorch tutorials: conv 1→16 (k3, p1), 16→32 (k3, s2, p1), 32→64 (k3, s2, p1),
 * ReLU each, flatten 64·7·7 = 3136, then linear heads to μ and logvar. Shapes: 28 → 28 → 14 → 7.
 */
public final class ConvEncoder {
    private final Parameters.Layer conv1, conv2, conv3;   // convNW [3, 3, in, out], convNB [out]
    private final Encoder.Heads heads;                     // μ and logvar from the 3136 features, as the MLP's

    ConvEncoder(Parameters p, VaeConfig c) {
        conv1 = p.conv3x3("conv1", 1, 16);
        conv2 = p.conv3x3("conv2", 16, 32);
        conv3 = p.conv3x3("conv3", 32, 64);
        heads = new Encoder.Heads(p, 3136, c.latentSize());
    }

    Encoded.InGraph build(SameDiff sd, SDVariable x, Parameters.Variables w) {
        SDVariable image = sd.reshape(IMAGE, x, -1, 1, 28, 28);   // [batch, 1, 28, 28]
        SDVariable c1 = convRelu(sd, conv1, image, w, 28, 1);     // [batch, 16, 28, 28]
        SDVariable c2 = convRelu(sd, conv2, c1, w, 28, 2);        // [batch, 32, 14, 14]
        SDVariable c3 = convRelu(sd, conv3, c2, w, 14, 2);        // [batch, 64, 7, 7]
        SDVariable flat = sd.reshape(FLATTENED, c3, -1, 3136);    // [batch, 3136]
        return heads.build(sd, flat, w);                          // μ, logvar: [batch, latent]
    }

    /** {@code F.relu(nn.Conv2d(k3, stride, p1)(in))} of an n×n input: the ReLU carries the layer's name, the convolution nameLinear. */
    private static SDVariable convRelu(SameDiff sd, Parameters.Layer conv, SDVariable in, Parameters.Variables w, long n, int stride) {
        return Activations.relu(sd, conv.name(), Convolutions.conv3x3(sd, conv.name() + "Linear", in, conv.w(w), conv.b(w), n, stride));
    }
}
