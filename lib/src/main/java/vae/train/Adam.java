package vae.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Adam (Kingma &amp; Ba 2014) over one flat parameter vector, using ND4J's updater: the whole update is one op per step.
 * Its state (the moment estimates m and v, and the step count) is part of a checkpoint.
 */
public final class Adam {
    private final double learningRate;
    private final INDArray state;            // [m | v], each as long as the parameter vector
    private final GradientUpdater<?> updater;
    private int iteration;

    public Adam(double learningRate, long parameterCount, org.nd4j.linalg.api.buffer.DataType type) {
        this(learningRate, Nd4j.zeros(type, 2 * parameterCount), 0);
    }

    /** Restores an Adam with saved state, as {@link #state()} and {@link #iteration()} returned it. */
    public Adam(double learningRate, INDArray state, int iteration) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate is " + learningRate + " but must be > 0");
        this.learningRate = learningRate;
        this.state = state;
        this.iteration = iteration;
        this.updater = new org.nd4j.linalg.learning.config.Adam(learningRate).instantiate(state.reshape(1, state.length()), false);
    }

    /** parameters ← parameters − Adam(gradient). The gradient array is overwritten with the update. */
    public void step(INDArray parameters, INDArray gradient) {
        if (2 * parameters.length() != state.length()) {
            throw new IllegalArgumentException("this Adam was made for " + state.length() / 2 + " parameters, not " + parameters.length());
        }
        updater.applyUpdater(gradient, iteration++, 0);
        parameters.subi(gradient);
    }

    public double learningRate() { return learningRate; }
    public int iteration() { return iteration; }
    /** The moment estimates [m | v] (live). */
    public INDArray state() { return state; }

    @Override public String toString() { return "Adam(learningRate=" + learningRate + ", iteration=" + iteration + ")"; }
}
