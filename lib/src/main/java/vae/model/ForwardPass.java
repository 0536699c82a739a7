package vae.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/**
 * Every intermediate value of one forward pass, by its lesson name, in the order the lesson meets them:
 * x, μ, logvar, σ, ε, z, reconstruction, reconstruction loss, KL, loss ({@link GraphNames} lists them with their shapes).
 */
public final class ForwardPass {
    private final Map<String, INDArray> values;

    ForwardPass(Map<String, INDArray> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value named {@code name} (e.g. "mu", "z", "loss"). */
    public INDArray get(String name) {
        INDArray value = values.get(name);
        if (value == null) throw new IllegalArgumentException(Language.text("error.forwardPass.noValue", name, values.keySet()));
        return value;
    }

    public INDArray x() { return get(GraphNames.X); }
    public INDArray mu() { return get(GraphNames.MU); }
    public INDArray logVar() { return get(GraphNames.LOG_VAR); }
    public INDArray sigma() { return get(GraphNames.SIGMA); }
    public INDArray epsilon() { return get(GraphNames.EPSILON); }
    public INDArray z() { return get(GraphNames.Z); }
    public INDArray reconstruction() { return get(GraphNames.RECONSTRUCTION); }
    /** Batch mean of the per-image reconstruction losses. */
    public double reconstructionLoss() { return get(GraphNames.RECONSTRUCTION_LOSS).getDouble(0); }
    /** Batch mean of the per-image KL divergences. */
    public double kl() { return get(GraphNames.KL).getDouble(0); }
    /** reconstruction + β·KL, averaged over the batch. */
    public double loss() { return get(GraphNames.LOSS).getDouble(0); }

    public List<String> names() { return new ArrayList<>(values.keySet()); }

    /** The shape of the value named {@code name}, e.g. [3, 10] for μ of a batch of 3. */
    public long[] shape(String name) { return get(name).shape(); }

    public Map<String, INDArray> asMap() { return values; }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ForwardPass\n");
        values.forEach((name, v) -> s.append(String.format("  %-28s %-12s %s%n", name, Arrays.toString(v.shape()),
                v.length() <= 12 ? v.toString().replaceAll("\\s+", " ") : "")));
        return s.toString();
    }
}
