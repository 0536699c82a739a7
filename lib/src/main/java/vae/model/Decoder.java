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
        int h = c.hiddenSize(), d = c.latentSize();
        p.declare("decoderW", d, d, h);
        p.declare("decoderB", d, h);
        p.declare("outputW", h, h, 784);
        p.declare("outputB", h, 784);
    }

    static Output build(SameDiff sd, SDVariable z, Map<String, SDVariable> w) {
        SDVariable hidden = sd.nn().relu("decoderHidden", sd.nn().linear(z, w.get("decoderW"), w.get("decoderB")), 0); // [batch, hidden]
        SDVariable logits = sd.nn().linear("logits", hidden, w.get("outputW"), w.get("outputB"));                      // [batch, 784]
        return new Output(logits, sd.nn().sigmoid("reconstruction", logits));
    }
}
