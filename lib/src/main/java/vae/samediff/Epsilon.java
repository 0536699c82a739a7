package vae.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/** The noise ε of the reparameterization as an input of the graph, drawn outside it. */
public final class Epsilon {
    private Epsilon() {}

    /**
     * The placeholder "epsilon" of [rows, latent] (rows −1: any batch), fed at every call. Stands in for
     * {@code sd.random().normal(0, 1, …)} inside the graph, which in M2.1 takes only a shape fixed when the graph is built,
     * so it cannot follow the batch size of x ({@code EpsilonTest.inGraphNormalTakesOnlyAFixedShape}). Fed, ε is also the
     * lesson's to choose (and a seed's to fix).
     */
    public static SDVariable placeholder(SameDiff sd, DataType type, long rows, long latent) {
        return sd.placeHolder("epsilon", type, rows, latent);
    }
}
