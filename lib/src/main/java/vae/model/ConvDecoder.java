package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import vae.samediff.Activations;
import vae.samediff.Convolutions;

/**
 * The convolutional decoder of PyTorch tutorials: linear → 64·7·7, ReLU, transposed conv 64→32 and 32→16
 * (k3, s2, p1, output_padding 1), ReLU, conv 16→1 (k3, p1), sigmoid. Shapes: 7 → 14 → 28.
 */
public final class ConvDecoder {
    private ConvDecoder() {}

    static void declare(Parameters p, VaeConfig c) {
        p.linear("decoder", c.latentSize(), 3136);
        p.convTranspose3x3("deconv1", 64, 32);
        p.convTranspose3x3("deconv2", 32, 16);
        p.conv3x3("output", 16, 1);
    }

    static Decoder.Output build(SameDiff sd, SDVariable z, Map<String, SDVariable> w) {
        SDVariable hidden = Decoder.hidden(sd, z, w);                               // [batch, 3136]
        SDVariable grid = sd.reshape("decoderGrid", hidden, -1, 64, 7, 7);          // [batch, 64, 7, 7]
        SDVariable d1 = convTransposeRelu(sd, "deconv1", grid, w, 7);               // [batch, 32, 14, 14]
        SDVariable d2 = convTransposeRelu(sd, "deconv2", d1, w, 14);                // [batch, 16, 28, 28]
        SDVariable out = Convolutions.conv3x3(sd, "outputConv", d2, w.get("outputW"), w.get("outputB"), 28, 1); // [batch, 1, 28, 28]
        return Decoder.fromLogits(sd, sd.reshape("logits", out, -1, 784));          // [batch, 784]
    }

    /** {@code F.relu(nn.ConvTranspose2d(k3, s2, p1, output_padding=1)(in))}: n → 2n, the ReLU named {@code name}. */
    private static SDVariable convTransposeRelu(SameDiff sd, String name, SDVariable in, Map<String, SDVariable> w, long n) {
        return Activations.relu(sd, name, Convolutions.convTranspose3x3(sd, in, w.get(name + "W"), w.get(name + "B"), n, 2, 1));
    }
}
