package vae.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;

/**
 * Adam (Kingma &amp; Ba 2014), written out in one pass over each weight's numbers (the loop in {@link #update}), as
 * the formula reads: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², w ← w − αₜ·m / (√v + ε) with
 * αₜ = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ), the bias correction folded into the step size as ND4J's updater does it (AdamTest
 * checks the two agree step for step). Its state (the moment estimates m and v of every weight, in one vector, and the
 * step count) is part of a checkpoint.
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
    private final Map<String, long[]> slices = new LinkedHashMap<>();   // weight → {offset of its m in state, length}
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
        if (!(learningRate > 0)) throw new IllegalArgumentException(Language.text("error.adam.learningRate", learningRate));
        checkSettings(betaOne, betaTwo, epsilon);
        if (state.length() != 2 * total(parameters)) {
            throw new IllegalArgumentException(Language.text("error.adam.stateLength", state.length(), 2 * total(parameters)));
        }
        this.learningRate = learningRate;
        this.betaOne = betaOne;
        this.betaTwo = betaTwo;
        this.epsilon = epsilon;
        this.state = state.reshape(state.length());
        this.iteration = iteration;
        long offset = 0;
        for (Map.Entry<String, INDArray> p : parameters.entrySet()) {
            slices.put(p.getKey(), new long[] {offset, p.getValue().length()});
            offset += 2 * p.getValue().length();
        }
    }

    /** weights ← weights − Adam(gradients). The gradient arrays are overwritten with the steps taken. */
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        int t = iteration + 1;
        double alpha = learningRate * Math.sqrt(1 - Math.pow(betaTwo, t)) / (1 - Math.pow(betaOne, t));
        for (Map.Entry<String, long[]> s : slices.entrySet()) {
            INDArray gradient = gradients.get(s.getKey()), weight = parameters.get(s.getKey());
            if (gradient == null) throw new IllegalArgumentException(Language.text("error.adam.noGradient", s.getKey()));
            if (gradient.length() != s.getValue()[1]) {
                throw new IllegalArgumentException(Language.text("error.adam.gradientLength", s.getKey(), gradient.length(), s.getValue()[1]));
            }
            update(weight, gradient, s.getValue()[0], s.getValue()[1], alpha);
        }
        iteration++;
    }

    /** The whole of Adam for one weight of n numbers whose m starts at {@code at} in the state (v follows at at + n). */
    private void update(INDArray weight, INDArray gradient, long at, long n, double alpha) {
        if (weight.dataType() != state.dataType() || gradient.dataType() != state.dataType()) {
            throw new IllegalArgumentException(Language.text("error.adam.dataType", state.dataType(), weight.dataType(), java.util.Arrays.toString(weight.shape()), gradient.dataType()));
        }
        if (!flat(weight) || !flat(gradient)) {   // a strided view: the same pass over contiguous copies, copied back
            INDArray w = weight.dup('c'), g = gradient.dup('c');
            // internal: dup('c') always returns a contiguous copy
            if (!flat(w) || !flat(g)) throw new IllegalStateException("cannot lay out " + weight.shapeInfoToString() + " contiguously");
            update(w, g, at, n, alpha);
            weight.assign(w);
            gradient.assign(g);
            return;
        }
        long w0 = weight.offset(), g0 = gradient.offset(), m0 = state.offset() + at, v0 = m0 + n;
        if (state.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            java.nio.FloatBuffer w = weight.data().asNioFloat(), g = gradient.data().asNioFloat(), s = state.data().asNioFloat();
            float b1 = (float) betaOne, b2 = (float) betaTwo, a = (float) alpha, eps = (float) epsilon;
            for (int i = 0; i < n; i++) {
                float gi = g.get((int) g0 + i);
                float m = b1 * s.get((int) m0 + i) + (1 - b1) * gi;
                float v = b2 * s.get((int) v0 + i) + (1 - b2) * gi * gi;
                float stepSize = a * m / ((float) Math.sqrt(v) + eps);
                s.put((int) m0 + i, m);
                s.put((int) v0 + i, v);
                g.put((int) g0 + i, stepSize);
                w.put((int) w0 + i, w.get((int) w0 + i) - stepSize);
            }
        } else {
            java.nio.DoubleBuffer w = weight.data().asNioDouble(), g = gradient.data().asNioDouble(), s = state.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                double gi = g.get((int) g0 + i);
                double m = betaOne * s.get((int) m0 + i) + (1 - betaOne) * gi;
                double v = betaTwo * s.get((int) v0 + i) + (1 - betaTwo) * gi * gi;
                double stepSize = alpha * m / (Math.sqrt(v) + epsilon);
                s.put((int) m0 + i, m);
                s.put((int) v0 + i, v);
                g.put((int) g0 + i, stepSize);
                w.put((int) w0 + i, w.get((int) w0 + i) - stepSize);
            }
        }
    }

    private static boolean flat(INDArray a) {
        return (a.ordering() == 'c' || a.rank() <= 1 || a.isVector()) && a.elementWiseStride() == 1 && a.offset() + a.length() <= a.data().length();
    }

    /** β₁, β₂ and ε within their ranges, or an error that names the one that is not. */
    static void checkSettings(double betaOne, double betaTwo, double epsilon) {
        if (!(betaOne >= 0 && betaOne < 1)) throw new IllegalArgumentException(Language.text("error.adam.betaOne", betaOne, DEFAULT_BETA_ONE));
        if (!(betaTwo >= 0 && betaTwo < 1)) throw new IllegalArgumentException(Language.text("error.adam.betaTwo", betaTwo, DEFAULT_BETA_TWO));
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException(Language.text("error.adam.epsilon", epsilon, DEFAULT_EPSILON));
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
        if (parameters.isEmpty()) throw new IllegalArgumentException(Language.text("error.adam.noWeights"));
        return parameters.values().iterator().next();
    }

    @Override public String toString() {
        return "Adam(learningRate=" + learningRate + ", betaOne=" + betaOne + ", betaTwo=" + betaTwo + ", epsilon=" + epsilon
                + ", iteration=" + iteration + ")";
    }
}
