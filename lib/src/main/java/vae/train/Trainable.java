package vae.train;

import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the {@link Trainer} needs of a model: its weights as one vector, and losses with gradients for a batch. */
public interface Trainable {
    /** The losses of one batch by name ("loss" first, the total that is minimised) and the gradient of "loss". */
    record Step(Map<String, Double> losses, INDArray gradient) {
        public double loss() { return losses.get("loss"); }
    }

    /** All trainable weights as one live vector; the trainer updates it in place. */
    INDArray parameterVector();

    /** Losses and the gradient for one batch; {@code random} draws any noise the model needs. */
    Step lossAndGradients(INDArray batch, Random random);

    /** Losses only, for evaluation. */
    Map<String, Double> evaluate(INDArray batch, Random random);
}
