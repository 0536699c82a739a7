package vae.train;

import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the {@link Trainer} needs of a model: its trainable parameters, and losses with gradients for a batch. */
public interface Trainable {
    /** The name of the loss that is minimised, the first of a step's losses (the VAE's graph names its total so). */
    String LOSS = "loss";

    /** The losses of one batch by name ("loss" first: the total that is minimised) and the gradient of "loss" per weight. */
    record Step(Map<String, Double> losses, Map<String, INDArray> gradients) {
        public double loss() { return losses.get(LOSS); }
    }

    /** The trainable parameters (weights and biases) by name, live: the trainer updates them in place. */
    Map<String, INDArray> parameters();

    /** Losses and gradients for one batch; {@code random} draws any noise the model needs. */
    Step lossAndGradients(INDArray batch, Random random);

    /** Losses only, for evaluation. */
    Map<String, Double> evaluate(INDArray batch, Random random);
}
