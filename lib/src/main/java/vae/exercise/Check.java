package vae.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks behind the notebooks' exercises. A check prints ✔ with a one-line why, or throws an {@link AssertionError}
 * that says what came, what was expected and a hint (never Java's {@code assert}, which the JVM skips without -ea).
 * An answer still null (the learner's stub) prints "not yet answered" and does not stop the notebook. Each check also
 * gives its {@link Verdict} as data to the session's {@link Verdicts}, which the grader reads.
 */
public final class Check {
    /** Printed first on an unanswered exercise. */
    public static final String NOT_ANSWERED = "◻ not yet answered";
    /** Printed first on a passed check. */
    public static final String PASSED = "✔";
    /** Starts the message of a failed check. */
    public static final String FAILED = "✘";

    /** A wrong answer a learner is likely to give, with the hint that explains it. */
    public record Mistake(double[] wouldGive, String hint) {}

    private static volatile Verdicts verdicts = new Verdicts();

    private Check() {}

    /** From now on verdicts go to {@code session} (the kernel's session installs its own, so each keeps its own). */
    public static void use(Verdicts session) {
        verdicts = session;
    }

    /**
     * One line on every check run so far in this notebook: all passed (and that grading may run more checks, hidden
     * from this copy), or which failed and which are not yet answered.
     */
    public static String report() {
        List<Verdict> all = verdicts.latest();
        if (all.isEmpty()) return "No check has run yet: run the exercise cells and their checks first.";
        long passed = all.stream().filter(Verdict::passed).count();
        List<String> failed = all.stream().filter(v -> v.answered() && !v.passed()).map(Verdict::name).toList();
        List<String> open = all.stream().filter(v -> !v.answered()).map(Verdict::name).toList();
        if (passed == all.size()) {
            return PASSED + " All " + passed + " checks pass. When your work is graded, more checks may run (hidden from this copy),"
                    + " so make sure your answers work for any input, not just these.";
        }
        return passed + " of " + all.size() + " checks pass" + (failed.isEmpty() ? "" : "; failing: " + String.join(", ", failed))
                + (open.isEmpty() ? "" : "; not yet answered: " + String.join(", ", open)) + ".";
    }

    /** Forgets this session's verdicts so far (e.g. after a demonstration of the checks). */
    public static void reset() { verdicts.clear(); }

    public static Mistake mistake(double[] wouldGive, String hint) { return new Mistake(wouldGive, hint); }

    /** True (and prints so) when {@code answer} is still the stub's null. */
    public static boolean notAnswered(String name, Object answer) {
        if (answer != null) return false;
        String message = NOT_ANSWERED + ": " + name + " is still null. Write your answer in the cell above, run it, then run this check again.";
        System.out.println(message);
        verdicts.add(new Verdict(name, false, false, null, null, message));
        return true;
    }

    /** Every entry of {@code actual} within {@code tolerance} of {@code expected}. */
    public static void closeTo(String name, double[] actual, double[] expected, double tolerance, String why, Mistake... mistakes) {
        if (notAnswered(name, actual)) return;
        if (actual.length != expected.length) {
            throw failed(name, expected.length + " entries", actual.length + " entries", FAILED + " " + name + " has " + actual.length
                    + " entries but should have " + expected.length + ": one per latent dimension");
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                String hint = "";
                for (Mistake m : mistakes) {
                    if (m.wouldGive().length == actual.length && close(actual, m.wouldGive(), tolerance)) hint = ": " + m.hint();
                }
                String got = String.format("%.4g", actual[i]), should = String.format("%.4g", expected[i]);
                throw failed(name, should, got, String.format("%s %s[%d] is %s but should be %s%s", FAILED, name, i, got, should, hint));
            }
        }
        passed(name, show(expected), show(actual), why);
    }

    /** One number within {@code tolerance}. */
    public static void closeTo(String name, Double actual, double expected, double tolerance, String why, Mistake... mistakes) {
        if (notAnswered(name, actual)) return;
        closeTo(name, new double[] {actual}, new double[] {expected}, tolerance, why, mistakes);
    }

    /** An array (any shape) against expected values, entry by entry, with the shape checked first. */
    public static void closeTo(String name, INDArray actual, INDArray expected, double tolerance, String why, Mistake... mistakes) {
        if (notAnswered(name, actual)) return;
        hasShape(name, actual, expected.shape(), null);
        closeTo(name, actual.dup().ravel().toDoubleVector(), expected.dup().ravel().toDoubleVector(), tolerance, why, mistakes);
    }

    /** The array has exactly this shape. */
    public static void hasShape(String name, INDArray actual, long[] shape, String why) {
        if (notAnswered(name, actual)) return;
        String got = Arrays.toString(actual.shape()), should = Arrays.toString(shape);
        if (!Arrays.equals(actual.shape(), shape)) throw failed(name, should, got, FAILED + " " + name + " has shape " + got + " but should have " + should);
        if (why != null) passed(name, should, got, why);
    }

    /** Equal values (numbers compare as doubles, arrays by content). */
    public static void equal(String name, Object actual, Object expected, String why, String hint) {
        if (notAnswered(name, actual)) return;
        boolean same = actual instanceof Number a && expected instanceof Number e ? a.doubleValue() == e.doubleValue()
                : Arrays.deepEquals(new Object[] {actual}, new Object[] {expected});
        if (!same) {
            throw failed(name, show(expected), show(actual), FAILED + " " + name + " is " + show(actual) + " but should be " + show(expected)
                    + (hint == null ? "" : ": " + hint));
        }
        passed(name, show(expected), show(actual), why);
    }

    /** A condition the answer must meet, with the reason it failed. */
    public static void isTrue(String name, Object answer, boolean condition, String why, String failure) {
        if (notAnswered(name, answer)) return;
        if (!condition) throw failed(name, null, null, FAILED + " " + name + ": " + failure);
        passed(name, null, null, why);
    }

    private static AssertionError failed(String name, String expected, String got, String message) {
        verdicts.add(new Verdict(name, true, false, expected, got, message));
        return new AssertionError(message);
    }

    private static void passed(String name, String expected, String got, String why) {
        String message = PASSED + " " + name + (why == null || why.isEmpty() ? "" : ": " + why);
        System.out.println(message);
        verdicts.add(new Verdict(name, true, true, expected, got, message));
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tolerance)) return false;
        return true;
    }

    /** Numbers as the messages print them; a long array by its first entries and its length. */
    private static String show(double[] values) {
        int shown = Math.min(values.length, 8);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shown; i++) b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", values[i]));
        return b.append(values.length > shown ? ", … (" + values.length + " entries)]" : "]").toString();
    }

    private static String show(Object value) {
        if (value instanceof double[] d) return Arrays.toString(d);
        if (value instanceof long[] l) return Arrays.toString(l);
        if (value instanceof int[] i) return Arrays.toString(i);
        return String.valueOf(value);
    }
}
