package vae.model;

import static vae.model.GraphNames.DECODER_HIDDEN;
import static vae.model.GraphNames.LOGITS;
import static vae.model.GraphNames.RECONSTRUCTION;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The decoder p(x | z): an MLP latent → hidden (ReLU) → 784 logits; the sigmoid of the logits is the
 * reconstruction, each pixel's probability of ink.
 */
public final class Decoder {
    /** The logits (what the stable BCE reads) and the reconstruction σ(logits), both [batch, 784]. */
    public record Output(SDVariable logits, SDVariable reconstruction) {}

    private final Parameters.Layer decoder;   // decoderW [latent, hidden], decoderB [hidden]
    private final Parameters.Layer output;    // outputW [hidden, 784], outputB [784]

    Decoder(Parameters p, VaeConfig c) {
        decoder = p.linear("decoder", c.latentSize(), c.hiddenSize());
        output = p.linear("output", c.hiddenSize(), 784);
    }

    Output build(SameDiff sd, SDVariable z, Parameters.Variables w) {
        SDVariable hidden = hidden(sd, z, decoder, w);                                            // [batch, hidden]
        return fromLogits(sd, sd.nn().linear(LOGITS, hidden, output.w(w), output.b(w)));          // [batch, 784]
    }

    /** relu(z·decoderW + decoderB), the first layer of the MLP and of the conv decoder. */
    static SDVariable hidden(SameDiff sd, SDVariable z, Parameters.Layer decoder, Parameters.Variables w) {
        return sd.nn().relu(DECODER_HIDDEN, sd.nn().linear(z, decoder.w(w), decoder.b(w)), 0);
    }

    /** The logits [batch, 784] and the reconstruction σ(logits) beside them. */
    static Output fromLogits(SameDiff sd, SDVariable logits) {
        return new Output(logits, sd.nn().sigmoid(RECONSTRUCTION, logits));
    }
}
