package vae.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/**
 * What {@link Vae} checks of a learner's input before the graph sees it; each message says what came, what was
 * expected, and the likely fix. An input that passes comes back in the model's data type.
 */
final class InputChecks {
    private final int latentSize;
    private final DataType dataType;

    InputChecks(VaeConfig config) {
        this.latentSize = config.latentSize();
        this.dataType = config.dataType();
    }

    /** Images of [batch, 784] with pixels in [0, 1]. */
    INDArray images(INDArray x, String name) {
        if (x == null) throw new IllegalArgumentException(Language.text("input.imagesNull", name));
        long[] s = x.shape();
        if (x.rank() == 3 && s[1] == 28 && s[2] == 28) {
            throw new IllegalArgumentException(Language.text("input.imagesSquares", name, Arrays.toString(s), name));
        }
        if (x.rank() == 2 && s[0] == 28 && s[1] == 28) {
            throw new IllegalArgumentException(Language.text("input.imageSquare", name, name));
        }
        if (x.rank() == 1 && s[0] == 784) {
            throw new IllegalArgumentException(Language.text("input.imageRow", name, name));
        }
        if (x.rank() != 2 || s[1] != 784) {
            throw new IllegalArgumentException(Language.text("input.imagesShape", name, Arrays.toString(s)));
        }
        double sum = x.sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException(Language.text("input.imagesNotFinite", name));
        }
        double max = x.maxNumber().doubleValue(), min = x.minNumber().doubleValue();
        if (max > 1 || min < 0) {
            throw new IllegalArgumentException(Language.text(max > 1 ? "input.pixelRange255" : "input.pixelRange", name, min, max));
        }
        return x.dataType() == dataType ? x : x.castTo(dataType);
    }

    /** ε of [batch, latent], one row per image of x. */
    INDArray epsilon(INDArray epsilon, long batch) {
        return latent(epsilon, "epsilon", batch);
    }

    /** A point of the latent space per row, [batch, latent]; {@code batch} −1 takes any number of rows. */
    INDArray latent(INDArray v, String name, long batch) {
        if (v == null) throw new IllegalArgumentException(Language.text("input.latentNull", name, latentSize));
        long[] s = v.shape();
        if (v.rank() == 1 && s[0] == latentSize) {
            throw new IllegalArgumentException(Language.text("input.latentRow", name, Arrays.toString(s), latentSize, name, latentSize));
        }
        if (v.rank() != 2 || s[1] != latentSize) {
            throw new IllegalArgumentException(Language.text("input.latentShape", name, Arrays.toString(s), latentSize, name, latentSize));
        }
        if (batch >= 0 && s[0] != batch) {
            throw new IllegalArgumentException(Language.text("input.latentRows", name, s[0], batch, name));
        }
        if (!Double.isFinite(v.sumNumber().doubleValue())) throw new IllegalArgumentException(Language.text("input.latentNotFinite", name));
        return v.dataType() == dataType ? v : v.castTo(dataType);
    }

    /** Every name asked for is a variable of the graph. */
    static void variablesExist(SameDiff graph, List<String> trainable, String... wrt) {
        for (String name : wrt) {
            if (!graph.hasVariable(name)) throw new IllegalArgumentException(Language.text("error.graph.noVariable", name, Vae.LESSON_STEPS, trainable));
        }
    }

    /** At least one name, and each one a value the graph computes. */
    static void intermediatesExist(List<String> known, String... names) {
        if (names.length == 0) throw new IllegalArgumentException(Language.text("error.graph.nameOne", known));
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(Language.text("error.graph.noValue", name, known));
            }
        }
    }

    /** Every name asked for got a gradient: the loss reads it. */
    static void gradientsFound(Map<String, INDArray> gradients, String... wrt) {
        for (String name : wrt) {
            if (gradients.get(name) == null) {
                throw new IllegalArgumentException(Language.text("error.graph.noGradient", name));
            }
        }
    }

    /** An interpolation has its two ends at least. */
    static void interpolationSteps(int steps) {
        if (steps < 2) throw new IllegalArgumentException(Language.text("error.interpolate.steps", steps));
    }

    /** Each end of an interpolation is one image. */
    static void oneImageEach(INDArray muA, INDArray muB) {
        if (muA.rows() != 1 || muB.rows() != 1) throw new IllegalArgumentException(Language.text("error.interpolate.oneImageEach"));
    }
}
