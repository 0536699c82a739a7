package vae.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Adam (Kingma &amp; Ba 2014) with ND4J's fused updater, one per weight. Its state (the moment estimates m and v of every
 * weight, in one vector, and the step count) is part of a checkpoint.
 */
public final class Adam {
    /** β₁, the decay of the first moment (the mean of the gradients): Kingma &amp; Ba's value, also ND4J's and PyTorch's. */
    public static final double DEFAULT_BETA_ONE = 0.9;
    /** β₂, the decay of the second moment (the mean of the squared gradients), as above. */
    public static final double DEFAULT_BETA_TWO = 0.999;
    /** ε added to √v before dividing, so a weight with tiny gradients does not get a huge step; as above. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate, betaOne, betaTwo, epsilon;
    private final INDArray state;                       // for each weight in order: [m | v]
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private int iteration;

    /** A fresh Adam for these weights, with the default β₁, β₂ and ε. */
    public Adam(double learningRate, Map<String, INDArray> parameters) {
        this(learningRate, DEFAULT_BETA_ONE, DEFAULT_BETA_TWO, DEFAULT_EPSILON, parameters);
    }

    /** A fresh Adam for these weights. */
    public Adam(double learningRate, double betaOne, double betaTwo, double epsilon, Map<String, INDArray> parameters) {
        this(learningRate, betaOne, betaTwo, epsilon, parameters, Nd4j.zeros(first(parameters).dataType(), 2 * total(parameters)), 0);
    }

    /** Restores an Adam with the default β₁, β₂ and ε and saved state, as {@link #state()} and {@link #iteration()} returned it. */
    public Adam(double learningRate, Map<String, INDArray> parameters, INDArray state, int iteration) {
        this(learningRate, DEFAULT_BETA_ONE, DEFAULT_BETA_TWO, DEFAULT_EPSILON, parameters, state, iteration);
    }

    /** Restores an Adam with saved state, as {@link #state()} and {@link #iteration()} returned it. */
    public Adam(double learningRate, double betaOne, double betaTwo, double epsilon, Map<String, INDArray> parameters,
                INDArray state, int iteration) {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate is " + learningRate + " but must be > 0");
        checkSettings(betaOne, betaTwo, epsilon);
        if (state.length() != 2 * total(parameters)) {
            throw new IllegalArgumentException("Adam state holds " + state.length() + " numbers but these weights need " + 2 * total(parameters));
        }
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
        this.state = state.reshape(state.length());
        this.iteration = iteration;
        var config = new org.nd4j.linalg.learning.config.Adam(learningRate, betaOne, betaTwo, epsilon);
        long offset = 0;
        for (Map.Entry<String, INDArray> p : parameters.entrySet()) {
            long n = 2 * p.getValue().length();
            INDArray view = this.state.get(NDArrayIndex.interval(offset, offset + n)).reshape(1, n);
            updaters.put(p.getKey(), config.instantiate(view, false));
            offset += n;
        }
    }

    /** weights ← weights − Adam(gradients). The gradient arrays are overwritten with the updates. */
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        for (Map.Entry<String, GradientUpdater<?>> u : updaters.entrySet()) {
            INDArray gradient = gradients.get(u.getKey());
            if (gradient == null) throw new IllegalArgumentException("no gradient for weight '" + u.getKey() + "'");
            u.getValue().applyUpdater(gradient, iteration, 0);
            parameters.get(u.getKey()).subi(gradient);
        }
        iteration++;
    }

    /** β₁, β₂ and ε within their ranges, or an error that names the one that is not. */
    static void checkSettings(double betaOne, double betaTwo, double epsilon) {
        if (!(betaOne >= 0 && betaOne < 1)) throw new IllegalArgumentException("Adam's betaOne (β₁) is " + betaOne + " but must be in [0, 1), e.g. " + DEFAULT_BETA_ONE);
        if (!(betaTwo >= 0 && betaTwo < 1)) throw new IllegalArgumentException("Adam's betaTwo (β₂) is " + betaTwo + " but must be in [0, 1), e.g. " + DEFAULT_BETA_TWO);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("Adam's epsilon (ε) is " + epsilon + " but must be > 0, e.g. " + DEFAULT_EPSILON);
    }

    public double learningRate() { return learningRate; }
    public double betaOne() { return betaOne; }
    public double betaTwo() { return betaTwo; }
    public double epsilon() { return epsilon; }
    public int iteration() { return iteration; }
    /** The moment estimates of every weight in one vector (live). */
    public INDArray state() { return state; }

    private static long total(Map<String, INDArray> parameters) {
        return parameters.values().stream().mapToLong(INDArray::length).sum();
    }

    private static INDArray first(Map<String, INDArray> parameters) {
        if (parameters.isEmpty()) throw new IllegalArgumentException("a model with no weights has nothing to train");
        return parameters.values().iterator().next();
    }

    @Override public String toString() {
        return "Adam(learningRate=" + learningRate + ", betaOne=" + betaOne + ", betaTwo=" + betaTwo + ", epsilon=" + epsilon
                + ", iteration=" + iteration + ")";
    }
}
