package vae.samediff;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The noise ε of the reparameterization as an input of the graph, drawn outside it ({@link #standardNormal}). */
public final class Epsilon {
    private Epsilon() {}

    /**
     * The placeholder {@code name} (the lesson's "epsilon") of [rows, latent] (rows −1: any batch), fed at every call. Stands in for
     * {@code sd.random().normal(0, 1, …)} inside the graph, which in M2.1 takes only a shape fixed when the graph is built,
     * so it cannot follow the batch size of x ({@code EpsilonTest.inGraphNormalTakesOnlyAFixedShape}). Fed, ε is also the
     * lesson's to choose (and a seed's to fix).
     */
    public static SDVariable placeholder(SameDiff sd, String name, DataType type, long rows, long latent) {
        return sd.placeHolder(name, type, rows, latent);
    }

    /**
     * ε ~ N(0, I) as [rows, latent], drawn in Java from a seeded {@link Random} (what the placeholder is fed), so a seed
     * fixes every draw of a lesson or a training run. {@code Vae.epsilon(batch, random)} calls it with the model's latent size.
     */
    public static INDArray standardNormal(Random random, int rows, int latent, DataType type) {
        double[] values = new double[rows * latent];
        for (int i = 0; i < values.length; i++) values[i] = random.nextGaussian();
        return Nd4j.createFromArray(values).reshape('c', rows, latent).castTo(type);
    }
}
