package vae.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * A slider over orders of magnitude (ipywidgets' {@code FloatLogSlider}): the value runs from {@code base^min} to
 * {@code base^max}, the handle moves in steps of the exponent, e.g. a learning rate
 * {@code new FloatLogSlider(1e-3, -5, -1).description("lr")}. ipywidgets 6 had none: a V6 frontend gets a
 * FloatSlider of the exponent (its readout shows log₁₀ of the value).
 */
public final class FloatLogSlider extends ValueWidget<Double, FloatLogSlider> {
    public FloatLogSlider() {
        this(1, 0, 4);
    }

    /** A value between {@code 10^minExponent} and {@code 10^maxExponent}. */
    public FloatLogSlider(double value, double minExponent, double maxExponent) {
        super(v6() ? "FloatSliderModel" : "FloatLogSliderModel", v6() ? "FloatSliderView" : "FloatLogSliderView");
        Bounds.range(this, minExponent, maxExponent);
        trait("value", value);
        trait("min", minExponent);
        trait("max", maxExponent);
        trait("step", 0.1);
        trait("disabled", false);
        trait("orientation", "horizontal");
        trait("readout", true);
        trait("readout_format", v6() ? ".2f" : ".3g");
        trait("continuous_update", true);
        if (protocol() == WidgetProtocol.V6) {
            trait("_range", false);
            trait("slider_color", null);
        } else {
            trait("base", 10.0);
            if (protocol() == WidgetProtocol.V8) {
                trait("behavior", "drag-tap");
            }
        }
        trait("style", Style.slider(protocol()));
        validate("value", value);
    }

    private static boolean v6() {
        return WidgetFrontend.current().protocol() == WidgetProtocol.V6;
    }

    private double base() {
        return has("base") ? (Double) get("base") : 10.0;
    }

    @Override
    public Double value() {
        return (Double) get("value");
    }

    @Override
    public FloatLogSlider value(Double value) {
        set("value", value);
        return this;
    }

    /** The exponent of the lower end: the value starts at {@code base^min}. */
    public double min() {
        return (Double) get("min");
    }

    public double max() {
        return (Double) get("max");
    }

    /** The step of the exponent. */
    public FloatLogSlider step(double step) {
        set("step", step);
        return this;
    }

    @Override
    JsonElement toJson(String name, Object value) {
        if (protocol() == WidgetProtocol.V6 && name.equals("value")) {
            return new JsonPrimitive(Math.log((Double) value) / Math.log(base()));
        }
        return super.toJson(name, value);
    }

    @Override
    Object fromJson(String name, JsonElement json, byte[] buffer) {
        if (protocol() == WidgetProtocol.V6 && name.equals("value")) {
            return Math.pow(base(), json.getAsDouble());
        }
        return super.fromJson(name, json, buffer);
    }

    @Override
    Object validate(String name, Object v) {
        Object d = v instanceof Number n && !(v instanceof Double) ? (Object) n.doubleValue() : v;
        switch (name) {
            case "value" -> {
                if (d == null || !((Double) d > 0)) {
                    throw new IllegalArgumentException(Bounds.name(this) + ": a log slider's value must be positive, got " + d);
                }
                double lo = Math.pow(base(), min()), hi = Math.pow(base(), max());
                double x = (Double) d;
                // the ends are powers: 10^-5 may differ from the learner's 1e-5 in the last digit
                if (x < lo * (1 - 1e-12) || x > hi * (1 + 1e-12)) {
                    Bounds.value(this, x, lo, hi);
                }
            }
            case "step" -> Bounds.step(this, (Double) d);
            default -> { }
        }
        return d;
    }
}
