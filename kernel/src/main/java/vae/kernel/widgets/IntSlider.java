package vae.kernel.widgets;

/**
 * A slider of whole numbers from {@code min} to {@code max} (ipywidgets' {@code IntSlider}):
 * {@code new IntSlider(3, 0, 9).description("digit")}. A value outside the range is an error, not clamped.
 */
public final class IntSlider extends BoundedSlider<Integer, IntSlider> {
    public IntSlider() {
        this(0, 0, 100);
    }

    public IntSlider(int value, int min, int max) {
        super("IntSliderModel", "IntSliderView", value, min, max, 1, "d");
    }

    /** {@code n} as a whole number; 2.5 is an error, not rounded. */
    @Override
    Integer number(String trait, Number n) {
        if (n instanceof Integer i) {
            return i;
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Bounds.name(this) + ": the " + trait + " must be a whole number, got "
                    + Bounds.fmt(d) + "; for real numbers use a FloatSlider");
        }
        return (int) d;
    }
}
