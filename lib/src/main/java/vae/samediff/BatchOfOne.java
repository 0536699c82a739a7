package vae.samediff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;

/**
 * Gradients of a loss that is a mean over the batch, for any batch, one image included.
 *
 * <p>In M2.1 the backward pass of {@code sd.nn().linear} (xw_plus_b) fails for an input of one row: the bias gradient's
 * reduce op gets no array (a NullPointerException in {@code BaseReduceOp}; {@code BatchOfOneTest.linearsBiasGradientFailsForOneRow}).
 * The same image twice has the same batch-mean loss and the same weight gradients, so that is fed instead; each per-image
 * variable's gradient then comes for both copies, each half the true one, and their sum is the one image's.
 */
public final class BatchOfOne {
    private BatchOfOne() {}

    /**
     * Stands in for {@code Stdout.quietly(() -> sd.calculateGradients(feeds, wrt))}. Every feed has one row per image;
     * {@code sd}'s loss must be a mean over them. Weights (VARIABLEs) get their gradient as it comes; any other variable
     * the gradient of the one image, in its shape for one image ({@code BatchOfOneTest}). A variable the loss does not
     * reach keeps its null gradient, for the caller to report.
     */
    public static Map<String, INDArray> gradients(SameDiff sd, Map<String, INDArray> feeds, String... wrt) {
        if (!isOne(feeds)) return Stdout.quietly(() -> sd.calculateGradients(feeds, wrt));
        Map<String, INDArray> gradients = Stdout.quietly(() -> sd.calculateGradients(twice(feeds), wrt));
        Set<String> perImage = new LinkedHashSet<>();
        for (String name : wrt) {
            if (gradients.get(name) != null && sd.getVariable(name).getVariableType() != VariableType.VARIABLE) perImage.add(name);
        }
        if (perImage.isEmpty()) return gradients;
        Map<String, INDArray> values = sd.output(feeds, List.copyOf(perImage));   // the one image's values: the shapes to sum back into
        Map<String, INDArray> merged = new LinkedHashMap<>(gradients);
        for (String name : perImage) merged.put(name, sumOfCopies(name, gradients.get(name), values.get(name).shape()));
        return merged;
    }

    /**
     * Stands in for {@code Stdout.quietly(() -> sd.calculateGradientsAndOutputs(feeds, outputs, weights))} where every
     * output is a batch mean and every gradient is a weight's: both are the same for the image fed twice.
     */
    public static OutAndGrad outputsAndWeightGradients(SameDiff sd, Map<String, INDArray> feeds, List<String> outputs, List<String> weights) {
        for (String name : weights) {
            if (sd.getVariable(name).getVariableType() != VariableType.VARIABLE) {
                throw new IllegalArgumentException(Language.text("error.batchOfOne.notWeight", name));
            }
        }
        Map<String, INDArray> fed = isOne(feeds) ? twice(feeds) : feeds;
        return Stdout.quietly(() -> sd.calculateGradientsAndOutputs(fed, outputs, weights));
    }

    private static boolean isOne(Map<String, INDArray> feeds) {
        return !feeds.isEmpty() && feeds.values().stream().allMatch(a -> a.rank() > 0 && a.size(0) == 1);
    }

    /** Every feed with its one row twice: [2, …]. */
    private static Map<String, INDArray> twice(Map<String, INDArray> feeds) {
        Map<String, INDArray> doubled = new HashMap<>(feeds.size() * 2);
        feeds.forEach((name, a) -> doubled.put(name, Nd4j.concat(0, a, a)));
        return doubled;
    }

    /** {@code gradient} has twice the extent of {@code shape} in one dimension (both copies, one after the other): their sum. */
    private static INDArray sumOfCopies(String name, INDArray gradient, long[] shape) {
        long[] twice = gradient.shape();
        if (Arrays.equals(twice, shape)) return gradient;   // not per image: already the one image's gradient
        int d = 0;
        while (twice.length == shape.length && d < shape.length && twice[d] == shape[d]) d++;
        long[] doubled = shape.clone();
        if (d < shape.length) doubled[d] *= 2;
        if (!Arrays.equals(twice, doubled)) {
            // internal: the library's own per-image graph; its shapes do not depend on what a learner passes
            throw new IllegalStateException("The gradient of '" + name + "' has shape " + Arrays.toString(twice) + " for the image fed twice, "
                    + "but '" + name + "' has shape " + Arrays.toString(shape) + " for the one image: expected twice it in one dimension");
        }
        long[] copies = new long[shape.length + 1];   // [..., 2, shape[d], ...]: the copy index just outside dimension d
        System.arraycopy(shape, 0, copies, 0, d);
        copies[d] = 2;
        System.arraycopy(shape, d, copies, d + 1, shape.length - d);
        return gradient.dup('c').reshape(copies).sum(d).reshape(shape);
    }
}
