package vae.kernel.widgets;

/**
 * A slider of real numbers from {@code min} to {@code max} in steps of {@code step} (ipywidgets' {@code FloatSlider}):
 * {@code new FloatSlider(0, -3, 3).step(0.05).description("μ")}. A value outside the range is an error, not clamped.
 */
public final class FloatSlider extends ValueWidget<Double, FloatSlider> {
    public FloatSlider() {
        this(0, 0, 100);
    }

    public FloatSlider(double value, double min, double max) {
        super("FloatSliderModel", "FloatSliderView");
        Bounds.range(this, min, max);
        Bounds.value(this, value, min, max);
        trait("value", value);
        trait("min", min);
        trait("max", max);
        trait("step", 0.1);
        trait("disabled", false);
        trait("orientation", "horizontal");
        trait("readout", true);
        trait("readout_format", ".2f");
        trait("continuous_update", true);
        if (protocol() == WidgetProtocol.V6) {
            trait("_range", false);
            trait("slider_color", null);
        } else if (protocol() == WidgetProtocol.V8) {
            trait("behavior", "drag-tap");
        }
        trait("style", Style.slider(protocol()));
    }

    @Override
    public Double value() {
        return (Double) get("value");
    }

    @Override
    public FloatSlider value(Double value) {
        set("value", value);
        return this;
    }

    public double min() {
        return (Double) get("min");
    }

    public FloatSlider min(double min) {
        set("min", min);
        return this;
    }

    public double max() {
        return (Double) get("max");
    }

    public FloatSlider max(double max) {
        set("max", max);
        return this;
    }

    public double step() {
        return (Double) get("step");
    }

    public FloatSlider step(double step) {
        set("step", step);
        return this;
    }

    /** How the readout prints the value, a Python format such as {@code ".2f"} or {@code ".3g"}. */
    public FloatSlider readoutFormat(String format) {
        set("readout_format", format);
        return this;
    }

    public FloatSlider continuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
        return this;
    }

    public FloatSlider disabled(boolean disabled) {
        set("disabled", disabled);
        return this;
    }

    @Override
    Object validate(String name, Object v) {
        Object d = v instanceof Number n && !(v instanceof Double) ? (Object) n.doubleValue() : v;
        switch (name) {
            case "value" -> {
                if (d == null) {
                    throw new IllegalArgumentException(Bounds.name(this) + ": the value cannot be null");
                }
                Bounds.value(this, (Double) d, min(), max());
            }
            case "min" -> {
                Bounds.range(this, (Double) d, max());
                if (value() < (Double) d) {
                    set("value", d);
                }
            }
            case "max" -> {
                Bounds.range(this, min(), (Double) d);
                if (value() > (Double) d) {
                    set("value", d);
                }
            }
            case "step" -> Bounds.step(this, (Double) d);
            default -> { }
        }
        return d;
    }
}
