package vae.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * A slider over orders of magnitude (ipywidgets' {@code FloatLogSlider}): the value runs from {@code base^min} to
 * {@code base^max}, the handle moves in steps of the exponent, e.g. a learning rate
 * {@code new FloatLogSlider(1e-3, -5, -1).description("lr")}. ipywidgets 6 had none: a V6 frontend gets a
 * FloatSlider of the exponent (its readout shows log₁₀ of the value).
 */
public final class FloatLogSlider extends BoundedSlider<Double, FloatLogSlider> {
    public FloatLogSlider() {
        this(1, 0, 4);
    }

    /** A value between {@code 10^minExponent} and {@code 10^maxExponent}. */
    public FloatLogSlider(double value, double minExponent, double maxExponent) {
        super(v6() ? "FloatSliderModel" : "FloatLogSliderModel", v6() ? "FloatSliderView" : "FloatLogSliderView",
                value, minExponent, maxExponent, 0.1, v6() ? ".2f" : ".3g");
        if (protocol() == WidgetProtocol.V6) {
            trait("slider_color", null); // as FloatSlider, which a V6 frontend draws
        } else {
            trait("base", 10.0);
        }
    }

    private static boolean v6() {
        return WidgetFrontend.current().protocol() == WidgetProtocol.V6;
    }

    private double base() {
        return has("base") ? (Double) get("base") : 10.0;
    }

    @Override
    Double number(String trait, Number n) {
        return n.doubleValue();
    }

    /** {@code base^end}: the ends are exponents. */
    @Override
    Double valueAt(Double end) {
        return Math.pow(base(), end);
    }

    @Override
    void checkValue(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException(Bounds.name(this) + ": a log slider's value must be positive, got " + x);
        }
        double lo = valueAt(min()), hi = valueAt(max());
        // the ends are powers: 10^-5 may differ from the learner's 1e-5 in the last digit
        if (x < lo * (1 - 1e-12) || x > hi * (1 + 1e-12)) {
            Bounds.value(this, x, lo, hi);
        }
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
}
