package vae.kernel.widgets;

import java.util.Locale;

/** The checks of a bounded number, min ≤ value ≤ max, with messages that say what came and what to do. */
final class Bounds {
    private Bounds() {}

    static String name(DescriptionWidget<?> w) {
        String d = w.description();
        return w.getClass().getSimpleName() + (d == null || d.isEmpty() ? "" : " \"" + d + "\"");
    }

    static void value(DescriptionWidget<?> w, double value, double min, double max) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name(w) + ": the value must be a finite number, got " + value);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name(w) + ": value " + fmt(value) + " is outside [" + fmt(min) + ", " + fmt(max)
                    + "]. Choose a value from min to max, or widen the range first, e.g. .max(" + fmt(Math.max(value, max)) + ")");
        }
    }

    static void range(DescriptionWidget<?> w, double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException(name(w) + ": min " + fmt(min) + " is above max " + fmt(max)
                    + "; a slider needs min ≤ max");
        }
    }

    static void step(DescriptionWidget<?> w, double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException(name(w) + ": the step must be a positive number, got " + fmt(step));
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
