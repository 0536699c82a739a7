package vae.kernel.widgets;

/**
 * A slider of real numbers from {@code min} to {@code max} in steps of {@code step} (ipywidgets' {@code FloatSlider}):
 * {@code new FloatSlider(0, -3, 3).step(0.05).description("μ")}. A value outside the range is an error, not clamped.
 */
public final class FloatSlider extends BoundedSlider<Double, FloatSlider> {
    public FloatSlider() {
        this(0, 0, 100);
    }

    public FloatSlider(double value, double min, double max) {
        super("FloatSliderModel", "FloatSliderView", value, min, max, 0.1, ".2f");
        if (protocol() == WidgetProtocol.V6) {
            trait("slider_color", null); // ipywidgets 6's float sliders only; 7 moved it to the style's handle_color
        }
    }

    @Override
    Double number(String trait, Number n) {
        return n.doubleValue();
    }
}
