package vae.exercise;

import java.util.Arrays;
import java.util.Locale;
import vae.Language;

/**
 * How a wrong answer misses, in words that teach without giving the answer away: the direction and rough size of the
 * miss ("too low, off by 10–50 %"), and the pattern of the mistake where one is recognised (a listed mistake, a flipped
 * sign, a factor such as ½ or 784, the right values in another order). Never the expected value itself.
 */
final class Misses {
    /** The factors a lesson's slips produce: ½·logvar vs logvar, a sum vs a mean over a batch of 3, 784 pixels, 10 dimensions. */
    private static final double[] TELLING_FACTORS = {2, 3, 4, 10, 784};

    private Misses() {}

    /** "too high, off by 1–10 % of the answer's size", or only the direction where the answer is 0. */
    static String of(double actual, double expected) {
        if (!Double.isFinite(actual)) return Language.text("miss.nonFinite");
        String direction = Language.text(actual > expected ? "miss.high" : "miss.low");
        if (expected == 0) return direction;
        if (actual != 0 && Math.signum(actual) != Math.signum(expected)) return Language.text("miss.otherSide", direction);
        double off = Math.abs(actual - expected) / Math.abs(expected);
        String size = off <= 0.01 ? "miss.under1" : off <= 0.1 ? "miss.under10" : off <= 0.5 ? "miss.under50" : off <= 1 ? "miss.under100"
                : off <= 10 ? "miss.times" : "miss.manyTimes";   // an answer of 0 is off by 100 %
        return Language.text("miss.sized", direction, Language.text(size));
    }

    /** The printed value of {@code actual}, with as many digits as it takes not to read like the expected value. */
    static String got(double actual, double expected) {
        String shown = Check.number(actual);
        for (int digits = 5; digits <= 12 && actual != expected && shown.equals(Check.number(expected)); digits++) {
            shown = String.format(Locale.ROOT, "%." + digits + "g", actual);
        }
        return shown;
    }

    /** The hint of the listed mistake the answer matches, or else what the answer's pattern of errors suggests. */
    static String hint(double[] actual, double[] expected, double tolerance, Check.Mistake... mistakes) {
        for (Check.Mistake m : mistakes) {
            if (m.wouldGive().length == actual.length && close(actual, m.wouldGive(), tolerance)) return m.hint();
        }
        for (double v : actual) {
            if (!Double.isFinite(v)) return Language.text("hint.nonFinite", v);
        }
        double[] negated = Arrays.stream(actual).map(v -> -v).toArray();
        if (close(negated, expected, tolerance) && !close(actual, new double[actual.length], tolerance)) return Language.text("hint.sign");
        String factor = factor(actual, expected, tolerance);
        if (factor != null) return factor;
        if (actual.length > 1) {
            double[] a = actual.clone(), e = expected.clone();
            Arrays.sort(a);
            Arrays.sort(e);
            if (close(a, e, tolerance)) return Language.text("hint.order");
            int off = 0, worst = 0;
            for (int i = 0; i < actual.length; i++) {
                if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) off++;
                if (Math.abs(actual[i] - expected[i]) > Math.abs(actual[worst] - expected[worst])) worst = i;
            }
            return Language.text("hint.entriesOff", off, actual.length, worst);
        }
        return Language.text("hint.stepByStep");
    }

    /**
     * "a factor 2 too large in every entry", when every entry is off by the same factor. For one number only a factor a
     * lesson's slip makes (½, 3, 784, …), and not for an answer of 0 or ±1: a guess must not learn the answer this way.
     */
    private static String factor(double[] actual, double[] expected, double tolerance) {
        double ratio = Double.NaN;
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(expected[i]) <= tolerance) continue;
            double r = actual[i] / expected[i];
            if (Double.isNaN(ratio)) ratio = r;
            else if (Math.abs(r - ratio) > 1e-6 * Math.max(1, Math.abs(ratio))) return null;
        }
        if (Double.isNaN(ratio) || ratio <= 0 || Math.abs(ratio - 1) <= 1e-9) return null;
        double size = ratio >= 1 ? ratio : 1 / ratio;
        if (Arrays.stream(actual).allMatch(v -> v == 0 || Math.abs(v) == 1)) return null;   // a guess, not a slip
        if (actual.length == 1) {
            if (Arrays.stream(TELLING_FACTORS).noneMatch(f -> Math.abs(size - f) <= 1e-6 * f)) return null;
        } else if (Math.abs(size - Math.rint(size)) > 1e-6 * size || size > 10_000) {
            return null;
        }
        String factorText = String.valueOf(Math.round(size));
        String key = (ratio > 1 ? "hint.factorLarger" : "hint.factorSmaller") + (actual.length > 1 ? "All" : "");
        return Language.text(key, factorText);
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tolerance)) return false;
        return true;
    }
}
