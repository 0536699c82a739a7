package vae.model;

import static vae.model.GraphNames.DECODER_GRID;
import static vae.model.GraphNames.LOGITS;
import static vae.model.GraphNames.OUTPUT_CONV;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import vae.samediff.Activations;
import vae.samediff.Convolutions;

/**
 * The convolutional decoder of PyTorch tutorials: linear → 64·7·7, ReLU, transposed conv 64→32 and 32→16
 * (k3, s2, p1, output_padding 1), ReLU, conv 16→1 (k3, p1), sigmoid. Shapes: 7 → 14 → 28.
 */
public final class ConvDecoder {
    private final Parameters.Layer decoder;            // decoderW [latent, 3136], decoderB [3136]
    private final Parameters.Layer deconv1, deconv2;   // deconvNW [3, 3, out, in], deconvNB [out]
    private final Parameters.Layer output;             // outputW [3, 3, 16, 1], outputB [1]

    ConvDecoder(Parameters p, VaeConfig c) {
        decoder = p.linear("decoder", c.latentSize(), 3136);
        deconv1 = p.convTranspose3x3("deconv1", 64, 32);
        deconv2 = p.convTranspose3x3("deconv2", 32, 16);
        output = p.conv3x3("output", 16, 1);
    }

    Decoder.Output build(SameDiff sd, SDVariable z, Parameters.Variables w) {
        SDVariable hidden = Decoder.hidden(sd, z, decoder, w);                      // [batch, 3136]
        SDVariable grid = sd.reshape(DECODER_GRID, hidden, -1, 64, 7, 7);           // [batch, 64, 7, 7]
        SDVariable d1 = convTransposeRelu(sd, deconv1, grid, w, 7);                 // [batch, 32, 14, 14]
        SDVariable d2 = convTransposeRelu(sd, deconv2, d1, w, 14);                  // [batch, 16, 28, 28]
        SDVariable out = Convolutions.conv3x3(sd, OUTPUT_CONV, d2, output.w(w), output.b(w), 28, 1); // [batch, 1, 28, 28]
        return Decoder.fromLogits(sd, sd.reshape(LOGITS, out, -1, 784));            // [batch, 784]
    }

    /** {@code F.relu(nn.ConvTranspose2d(k3, s2, p1, output_padding=1)(in))}: n → 2n, the ReLU carrying the layer's name. */
    private static SDVariable convTransposeRelu(SameDiff sd, Parameters.Layer deconv, SDVariable in, Parameters.Variables w, long n) {
        return Activations.relu(sd, deconv.name(), Convolutions.convTranspose3x3(sd, in, deconv.w(w), deconv.b(w), n, 2, 1));
    }
}
