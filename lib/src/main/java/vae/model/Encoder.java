package vae.model;

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
        int h = c.hiddenSize(), d = c.latentSize();
        p.declare("encoderW", 784, 784, h);
        p.declare("encoderB", 784, h);
        p.declare("muW", h, h, d);
        p.declare("muB", h, d);
        p.declare("logVarW", h, h, d);
        p.declare("logVarB", h, d);
    }

    static Output build(SameDiff sd, SDVariable x, java.util.Map<String, SDVariable> w) {
        SDVariable hidden = sd.nn().relu("encoderHidden", sd.nn().linear(x, w.get("encoderW"), w.get("encoderB")), 0); // [batch, hidden]
        SDVariable mu = sd.nn().linear("mu", hidden, w.get("muW"), w.get("muB"));                                      // [batch, latent]
        // The encoder predicts log σ², not σ: any real number is a valid logvar, while σ must stay positive.
        SDVariable logVar = sd.nn().linear("logVar", hidden, w.get("logVarW"), w.get("logVarB"));                      // [batch, latent]
        return new Output(mu, logVar);
    }
}
