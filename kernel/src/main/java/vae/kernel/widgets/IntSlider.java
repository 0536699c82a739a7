package vae.kernel.widgets;

/**
 * A slider of whole numbers from {@code min} to {@code max} (ipywidgets' {@code IntSlider}):
 * {@code new IntSlider(3, 0, 9).description("digit")}. A value outside the range is an error, not clamped.
 */
public final class IntSlider extends ValueWidget<Integer, IntSlider> {
    public IntSlider() {
        this(0, 0, 100);
    }

    public IntSlider(int value, int min, int max) {
        super("IntSliderModel", "IntSliderView");
        Bounds.range(this, min, max);
        Bounds.value(this, value, min, max);
        trait("value", value);
        trait("min", min);
        trait("max", max);
        trait("step", 1);
        trait("disabled", false);
        trait("orientation", "horizontal");
        trait("readout", true);
        trait("readout_format", "d");
        trait("continuous_update", true);
        if (protocol() == WidgetProtocol.V6) {
            trait("_range", false);
        } else if (protocol() == WidgetProtocol.V8) {
            trait("behavior", "drag-tap");
        }
        trait("style", Style.slider(protocol()));
    }

    @Override
    public Integer value() {
        return (Integer) get("value");
    }

    @Override
    public IntSlider value(Integer value) {
        set("value", value);
        return this;
    }

    public int min() {
        return (Integer) get("min");
    }

    /** Moves the lower end; a value below it moves up with it (as in ipywidgets). */
    public IntSlider min(int min) {
        set("min", min);
        return this;
    }

    public int max() {
        return (Integer) get("max");
    }

    /** Moves the upper end; a value above it moves down with it. */
    public IntSlider max(int max) {
        set("max", max);
        return this;
    }

    public IntSlider step(int step) {
        set("step", step);
        return this;
    }

    /** Whether the frontend sends values while the handle is dragged (true) or only when it is let go. */
    public IntSlider continuousUpdate(boolean continuous) {
        set("continuous_update", continuous);
        return this;
    }

    public IntSlider disabled(boolean disabled) {
        set("disabled", disabled);
        return this;
    }

    @Override
    Object validate(String name, Object v) {
        switch (name) {
            case "value" -> {
                if (v == null) {
                    throw new IllegalArgumentException(Bounds.name(this) + ": the value cannot be null");
                }
                Bounds.value(this, (Integer) v, min(), max());
            }
            case "min" -> {
                Bounds.range(this, (Integer) v, max());
                if (value() < (Integer) v) {
                    set("value", v);
                }
            }
            case "max" -> {
                Bounds.range(this, min(), (Integer) v);
                if (value() > (Integer) v) {
                    set("value", v);
                }
            }
            case "step" -> Bounds.step(this, (Integer) v);
            default -> { }
        }
        return v;
    }
}
