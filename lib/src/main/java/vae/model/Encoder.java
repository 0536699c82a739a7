package vae.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The encoder q(z | x): an MLP 784 → hidden (ReLU) → two heads, μ and logvar, each [batch, latent]
 * (Kingma &amp; Welling 2013, Appendix C.2). μ and logvar are outputs computed for each input, not weights.
 */
public final class Encoder {
    /** The two heads of the encoder for a batch: the mean and the log-variance of q(z | x). */
    public record Output(SDVariable mu, SDVariable logVar) {}

    private Encoder() {}

    static void declare(Parameters p, VaeConfig c) {
        p.linear("encoder", 784, c.hiddenSize());
        p.linear("mu", c.hiddenSize(), c.latentSize());
        p.linear("logVar", c.hiddenSize(), c.latentSize());
    }

    static Output build(SameDiff sd, SDVariable x, Map<String, SDVariable> w) {
        SDVariable hidden = sd.nn().relu("encoderHidden", sd.nn().linear(x, w.get("encoderW"), w.get("encoderB")), 0); // [batch, hidden]
        return heads(sd, hidden, w);
    }

    /** μ and logvar from the features of each image ([batch, features]): the same two heads for the MLP and the conv encoder. */
    static Output heads(SameDiff sd, SDVariable features, Map<String, SDVariable> w) {
        SDVariable mu = sd.nn().linear("mu", features, w.get("muW"), w.get("muB"));                                    // [batch, latent]
        // The encoder predicts log σ², not σ: any real number is a valid logvar, while σ must stay positive.
        SDVariable logVar = sd.nn().linear("logVar", features, w.get("logVarW"), w.get("logVarB"));                    // [batch, latent]
        return new Output(mu, logVar);
    }
}
