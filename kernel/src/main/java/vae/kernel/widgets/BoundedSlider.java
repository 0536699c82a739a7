package vae.kernel.widgets;

import java.util.Set;

/**
 * A slider of a number from {@code min} to {@code max} in steps of {@code step}: what {@link IntSlider},
 * {@link FloatSlider} and {@link FloatLogSlider} share (ipywidgets' {@code _BoundedInt}, {@code _BoundedFloat} and
 * {@code _BoundedLogFloat}, with their sliders' traits). Moving an end past the value takes the value along, as in
 * ipywidgets; a value outside the range is an error that says what to do, where ipywidgets clamps it without a word.
 *
 * @param <N> the number the slider holds: {@code Integer} or {@code Double}
 */
public abstract class BoundedSlider<N extends Number, W extends BoundedSlider<N, W>> extends ValueWidget<N, W> {
    /** The traits that hold the slider's number; the others are checked by no one here. */
    private static final Set<String> NUMBERS = Set.of("value", "min", "max", "step");

    BoundedSlider(String modelName, String viewName, N value, N min, N max, N step, String readoutFormat) {
        super(modelName, viewName);
        Bounds.range(this, min.doubleValue(), max.doubleValue());
        trait("value", value);
        trait("min", min);
        trait("max", max);
        trait("step", step);
        trait("disabled", false);
        trait("orientation", "horizontal");
        trait("readout", true);
        trait("readout_format", readoutFormat);
        trait("continuous_update", true);
        switch (protocol()) {
            case V6 -> trait("_range", false);
            case V8 -> trait("behavior", "drag-tap");
            default -> { }
        }
        trait("style", Style.slider(protocol()));
        checkValue(value.doubleValue());
    }

    /** {@code n} as the slider's number; throws, naming {@code trait}, where it cannot be one (2.5 for an IntSlider). */
    abstract N number(String trait, Number n);

    /** The value at the end {@code end} of the range: the end itself (a log slider: {@code base^end}). */
    N valueAt(N end) {
        return end;
    }

    /** Throws where {@code x} is not a value the slider holds: one from {@code valueAt(min)} to {@code valueAt(max)}. */
    void checkValue(double x) {
        Bounds.value(this, x, valueAt(min()).doubleValue(), valueAt(max()).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private N number(String trait) {
        return (N) get(trait);
    }

    @Override
    public N value() {
        return number("value");
    }

    @Override
    public W value(N value) {
        set("value", value);
        return self();
    }

    /** The lower end (a log slider: the exponent of the lower end). */
    public N min() {
        return number("min");
    }

    /** Moves the lower end; a value below it moves up with it (as in ipywidgets). */
    public W min(Number min) {
        set("min", min);
        return self();
    }

    /** The upper end (a log slider: the exponent of the upper end). */
    public N max() {
        return number("max");
    }

    /** Moves the upper end; a value above it moves down with it. */
    public W max(Number max) {
        set("max", max);
        return self();
    }

    /** How far one step of the handle moves (a log slider: the step of the exponent). */
    public N step() {
        return number("step");
    }

    public W step(Number step) {
        set("step", step);
        return self();
    }

    /** How the readout prints the value, a Python format such as {@code "d"}, {@code ".2f"} or {@code ".3g"}. */
    public W readoutFormat(String format) {
        set("readout_format", format);
        return self();
    }

    /** Whether the frontend sends values while the handle is dragged (true) or only when it is let go. */
    public W continuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
        return self();
    }

    public W disabled(boolean disabled) {
        set("disabled", disabled);
        return self();
    }

    /** min ≤ max, a positive step, the value in range; moving an end past the value moves the value too. */
    @Override
    Object validate(String name, Object v) {
        if (!NUMBERS.contains(name)) {
            return v;
        }
        if (!(v instanceof Number given)) {
            throw new IllegalArgumentException(Bounds.name(this) + ": the " + name + " must be a number, got " + v);
        }
        N n = number(name, given);
        double x = n.doubleValue();
        switch (name) {
            case "value" -> checkValue(x);
            case "min" -> {
                Bounds.range(this, x, max().doubleValue());
                if (value().doubleValue() < valueAt(n).doubleValue()) {
                    set("value", valueAt(n));
                }
            }
            case "max" -> {
                Bounds.range(this, min().doubleValue(), x);
                if (value().doubleValue() > valueAt(n).doubleValue()) {
                    set("value", valueAt(n));
                }
            }
            default -> Bounds.step(this, x);
        }
        return n;
    }
}
