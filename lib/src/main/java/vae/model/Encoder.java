package vae.model;

import static vae.model.GraphNames.ENCODER_HIDDEN;
import static vae.model.GraphNames.LOG_VAR;
import static vae.model.GraphNames.MU;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The encoder q(z | x): an MLP 784 → hidden (ReLU) → two heads, μ and logvar, each [batch, latent]
 * (Kingma &amp; Welling 2013, Appendix C.2). μ and logvar are outputs computed for each input, not weights.
 */
public final class Encoder {
    private final Parameters.Layer encoder;   // encoderW [784, hidden], encoderB [hidden]
    private final Heads heads;

    Encoder(Parameters p, VaeConfig c) {
        encoder = p.linear("encoder", 784, c.hiddenSize());
        heads = new Heads(p, c.hiddenSize(), c.latentSize());
    }

    Encoded.InGraph build(SameDiff sd, SDVariable x, Parameters.Variables w) {
        SDVariable hidden = sd.nn().relu(ENCODER_HIDDEN, sd.nn().linear(x, encoder.w(w), encoder.b(w)), 0); // [batch, hidden]
        return heads.build(sd, hidden, w);
    }

    /** The two heads μ and logvar, from the features of each image ([batch, features]): the MLP's and the conv encoder's. */
    static final class Heads {
        private final Parameters.Layer muHead;       // muW [features, latent], muB [latent]
        private final Parameters.Layer logVarHead;   // logVarW [features, latent], logVarB [latent]

        Heads(Parameters p, long features, long latent) {
            muHead = p.linear("mu", features, latent);
            logVarHead = p.linear("logVar", features, latent);
        }

        Encoded.InGraph build(SameDiff sd, SDVariable features, Parameters.Variables w) {
            SDVariable mu = sd.nn().linear(MU, features, muHead.w(w), muHead.b(w));                        // [batch, latent]
            // The encoder predicts log σ², not σ: any real number is a valid logvar, while σ must stay positive.
            SDVariable logVar = sd.nn().linear(LOG_VAR, features, logVarHead.w(w), logVarHead.b(w));        // [batch, latent]
            return new Encoded.InGraph(mu, logVar);
        }
    }
}
