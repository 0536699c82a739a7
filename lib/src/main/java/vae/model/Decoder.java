package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The decoder p(x | z): an MLP latent → hidden (ReLU) → 784 logits; the sigmoid of the logits is the
 * reconstruction, each pixel's probability of ink.
 */
public final class Decoder {
    /** The logits (what the stable BCE reads) and the reconstruction σ(logits), both [batch, 784]. */
    public record Output(SDVariable logits, SDVariable reconstruction) {}

    private Decoder() {}

    static void declare(Parameters p, VaeConfig c) {
        p.linear("decoder", c.latentSize(), c.hiddenSize());
        p.linear("output", c.hiddenSize(), 784);
    }

    static Output build(SameDiff sd, SDVariable z, Map<String, SDVariable> w) {
        SDVariable hidden = hidden(sd, z, w);                                                       // [batch, hidden]
        return fromLogits(sd, sd.nn().linear("logits", hidden, w.get("outputW"), w.get("outputB"))); // [batch, 784]
    }

    /** relu(z·decoderW + decoderB), the first layer of the MLP and of the conv decoder. */
    static SDVariable hidden(SameDiff sd, SDVariable z, Map<String, SDVariable> w) {
        return sd.nn().relu("decoderHidden", sd.nn().linear(z, w.get("decoderW"), w.get("decoderB")), 0);
    }

    /** The logits [batch, 784] and the reconstruction σ(logits) beside them. */
    static Output fromLogits(SameDiff sd, SDVariable logits) {
        return new Output(logits, sd.nn().sigmoid("reconstruction", logits));
    }
}
