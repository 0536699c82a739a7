package vae.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vae.Language;

/**
 * The trainable weights of a model by name, initialised as PyTorch initialises {@code nn.Linear} and {@code nn.Conv2d}:
 * uniform in ±1/√fan-in, from a seed. The arrays are the graph's own, so an update in place is seen by every graph.
 * Declaring a layer gives its {@link Layer}, which the step that declared it keeps (as micrograd's {@code Neuron} keeps
 * {@code w} and {@code b}) and reads its graph variables through: a weight's name is typed once, at its declaration.
 */
public final class Parameters {
    /** The shape and fan-in of one weight, declared before any array exists. */
    record Spec(String name, long[] shape, long fanIn) {
        long length() { long n = 1; for (long s : shape) n *= s; return n; }
    }

    /**
     * One layer's weight nameW and bias nameB as declared; {@code name} also names the layer's output where the step
     * gives it one (the conv layers' ReLUs).
     */
    record Layer(String name, Spec weight, Spec bias) {
        /** The weight W as a variable of the graph of {@code vars}. */
        SDVariable w(Variables vars) { return vars.of(weight); }
        /** The bias B as a variable of the graph of {@code vars}. */
        SDVariable b(Variables vars) { return vars.of(bias); }
    }

    /** Every weight as a variable of one graph ({@link #addTo}), read through the {@link Layer} that declared it. */
    static final class Variables {
        private final Map<String, SDVariable> byName;

        private Variables(Map<String, SDVariable> byName) { this.byName = byName; }

        SDVariable of(Spec spec) { return Objects.requireNonNull(byName.get(spec.name()), spec.name()); }
    }

    private final List<Spec> specs = new ArrayList<>();
    private final Map<String, INDArray> arrays = new LinkedHashMap<>();

    private Spec declare(String name, long fanIn, long... shape) {
        Spec spec = new Spec(name, shape, fanIn);
        specs.add(spec);
        return spec;
    }

    /** {@code nn.Linear(in, out)}: nameW [in, out] and nameB [out], fan-in in. */
    Layer linear(String name, long in, long out) {
        Spec w = declare(name + "W", in, in, out);
        return new Layer(name, w, declare(name + "B", in, out));
    }

    /** {@code nn.Conv2d(in, out, 3)}: nameW [3, 3, in, out] (SameDiff's conv2d layout) and nameB [out], fan-in in·9. */
    Layer conv3x3(String name, long in, long out) {
        Spec w = declare(name + "W", in * 9, 3, 3, in, out);
        return new Layer(name, w, declare(name + "B", in * 9, out));
    }

    /** {@code nn.ConvTranspose2d(in, out, 3)}: nameW [3, 3, out, in] (SameDiff's deconv2d layout) and nameB [out], fan-in out·9 as PyTorch's. */
    Layer convTranspose3x3(String name, long in, long out) {
        Spec w = declare(name + "W", out * 9, 3, 3, out, in);
        return new Layer(name, w, declare(name + "B", out * 9, out));
    }

    /** Creates every declared weight, filled from {@code seed} in declaration order. */
    void allocate(DataType type, long seed) {
        Random random = new Random(seed);
        for (Spec spec : specs) {
            double bound = 1 / Math.sqrt(spec.fanIn());
            double[] values = new double[Math.toIntExact(spec.length())];
            for (int i = 0; i < values.length; i++) values[i] = (2 * random.nextDouble() - 1) * bound;
            arrays.put(spec.name(), Nd4j.createFromArray(values).castTo(type).reshape(spec.shape()));
        }
    }

    /**
     * Registers every weight as a trainable SameDiff variable. The first graph may copy an array (M2.1's sd.var copies a
     * view: vae.samediff.SameDiffCopiesViewsTest); the array it keeps becomes the one weight, and later graphs share it.
     */
    Variables addTo(SameDiff sd) {
        Map<String, SDVariable> vars = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            SDVariable v = sd.var(e.getKey(), e.getValue());
            e.setValue(v.getArr());
            vars.put(e.getKey(), v);
        }
        return new Variables(vars);
    }

    /** Every weight by name: the live arrays, updated in place by training. */
    public Map<String, INDArray> arrays() { return Collections.unmodifiableMap(arrays); }

    /** How many numbers training adjusts. */
    public long count() { return specs.stream().mapToLong(Spec::length).sum(); }

    /** A copy of all weights in one vector, in declaration order. */
    public INDArray toVector() {
        return Nd4j.toFlattened('c', arrays.values());
    }

    /** Sets all weights from one vector laid out as {@link #toVector()} makes it. */
    public void setFromVector(INDArray vector) {
        if (vector.length() != count()) {
            throw new IllegalArgumentException(Language.text("error.parameters.vectorLength", vector.length(), count()));
        }
        long offset = 0;
        INDArray flat = vector.reshape(vector.length());
        for (INDArray a : arrays.values()) {
            a.assign(flat.get(NDArrayIndex.interval(offset, offset + a.length())).reshape(a.shape()));
            offset += a.length();
        }
    }
}
