package vae.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trainable weights of a model, each a view into one flat vector, so the optimizer updates them all in one op.
 * Initialised as PyTorch initialises {@code nn.Linear} and {@code nn.Conv2d}: uniform in ±1/√fan-in, seeded.
 */
public final class Parameters {
    /** The shape and fan-in of one weight, declared before the flat vector exists. */
    record Spec(String name, long[] shape, long fanIn) {
        long length() { long n = 1; for (long s : shape) n *= s; return n; }
    }

    private final List<Spec> specs = new ArrayList<>();
    private final Map<String, INDArray> views = new LinkedHashMap<>();
    private INDArray flat;

    /** Declares a weight; {@link #allocate} then creates them all. */
    void declare(String name, long fanIn, long... shape) {
        specs.add(new Spec(name, shape, fanIn));
    }

    /** Creates the flat vector, fills it from {@code seed}, and makes each declared weight a view into it. */
    void allocate(DataType type, long seed) {
        long total = specs.stream().mapToLong(Spec::length).sum();
        double[] values = new double[Math.toIntExact(total)];
        Random random = new Random(seed);
        int at = 0;
        for (Spec spec : specs) {
            double bound = 1 / Math.sqrt(spec.fanIn());
            for (long i = 0; i < spec.length(); i++) values[at++] = (2 * random.nextDouble() - 1) * bound;
        }
        flat = Nd4j.createFromArray(values).castTo(type);
        long offset = 0;
        for (Spec spec : specs) {
            INDArray view = flat.get(NDArrayIndex.interval(offset, offset + spec.length())).reshape('c', spec.shape());
            views.put(spec.name(), view);
            offset += spec.length();
        }
    }

    /** Registers every weight as a trainable SameDiff variable backed by its view (no copy). */
    Map<String, SDVariable> addTo(SameDiff sd) {
        Map<String, SDVariable> vars = new LinkedHashMap<>();
        views.forEach((name, view) -> vars.put(name, sd.var(name, view)));
        return vars;
    }

    /** Every weight by name: live views, updated in place by training. */
    public Map<String, INDArray> views() { return Collections.unmodifiableMap(views); }

    /** All weights in one vector, in declaration order (what Adam updates). */
    public INDArray flat() { return flat; }

    public long count() { return flat.length(); }

    /** Copies a flat gradient map into one vector laid out like {@link #flat()}. */
    public INDArray flatten(Map<String, INDArray> perWeight, INDArray into) {
        long offset = 0;
        for (Spec spec : specs) {
            INDArray g = perWeight.get(spec.name());
            if (g == null) throw new IllegalStateException("no gradient for weight " + spec.name());
            into.get(NDArrayIndex.interval(offset, offset + spec.length())).assign(g.reshape('c', spec.length()));
            offset += spec.length();
        }
        return into;
    }
}
