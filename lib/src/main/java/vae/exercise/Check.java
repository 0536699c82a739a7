package vae.exercise;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks behind the notebooks' exercises. A check prints ✔ with a one-line why, or throws an {@link AssertionError}
 * that says what came, what was expected and a hint (never Java's {@code assert}, which the JVM skips without -ea).
 * An answer still null (the learner's stub) prints "not yet answered" and does not stop the notebook.
 */
public final class Check {
    /** Printed first on an unanswered exercise; the grader looks for it. */
    public static final String NOT_ANSWERED = "◻ not yet answered";
    /** Printed first on a passed check. */
    public static final String PASSED = "✔";
    /** Starts the message of a failed check. */
    public static final String FAILED = "✘";

    /** A wrong answer a learner is likely to give, with the hint that explains it. */
    public record Mistake(double[] wouldGive, String hint) {}

    private static final java.util.Map<String, String> RESULTS = new java.util.LinkedHashMap<>();   // check → its last verdict

    private Check() {}

    /**
     * One line on every check run so far in this notebook: all passed (and that grading may run more checks, hidden
     * from this copy), or which failed and which are not yet answered.
     */
    public static String report() {
        long passed = RESULTS.values().stream().filter(PASSED::equals).count();
        java.util.List<String> failed = new java.util.ArrayList<>(), open = new java.util.ArrayList<>();
        RESULTS.forEach((name, verdict) -> {
            if (verdict.equals(FAILED)) failed.add(name);
            if (verdict.equals(NOT_ANSWERED)) open.add(name);
        });
        if (RESULTS.isEmpty()) return "No check has run yet: run the exercise cells and their checks first.";
        if (passed == RESULTS.size()) {
            return PASSED + " All " + passed + " checks pass. When your work is graded, more checks may run (hidden from this copy),"
                    + " so make sure your answers work for any input, not just these.";
        }
        return passed + " of " + RESULTS.size() + " checks pass" + (failed.isEmpty() ? "" : "; failing: " + String.join(", ", failed))
                + (open.isEmpty() ? "" : "; not yet answered: " + String.join(", ", open)) + ".";
    }

    /** Forgets the verdicts so far (a new notebook in the same session). */
    public static void reset() { RESULTS.clear(); }

    public static Mistake mistake(double[] wouldGive, String hint) { return new Mistake(wouldGive, hint); }

    /** True (and prints so) when {@code answer} is still the stub's null. */
    public static boolean notAnswered(String name, Object answer) {
        if (answer != null) return false;
        RESULTS.put(name, NOT_ANSWERED);
        System.out.println(NOT_ANSWERED + ": " + name + " is still null. Write your answer in the cell above, run it, then run this check again.");
        return true;
    }

    /** Every entry of {@code actual} within {@code tolerance} of {@code expected}. */
    public static void closeTo(String name, double[] actual, double[] expected, double tolerance, String why, Mistake... mistakes) {
        if (notAnswered(name, actual)) return;
        if (actual.length != expected.length) {
            throw failed(name, FAILED + " " + name + " has " + actual.length + " entries but should have " + expected.length
                    + ": one per latent dimension");
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                String hint = "";
                for (Mistake m : mistakes) {
                    if (m.wouldGive().length == actual.length && close(actual, m.wouldGive(), tolerance)) hint = ": " + m.hint();
                }
                throw failed(name, String.format("%s %s[%d] is %.4g but should be %.4g%s", FAILED, name, i, actual[i], expected[i], hint));
            }
        }
        passed(name, why);
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
        if (!Arrays.equals(actual.shape(), shape)) {
            throw failed(name, FAILED + " " + name + " has shape " + Arrays.toString(actual.shape()) + " but should have " + Arrays.toString(shape));
        }
        if (why != null) passed(name, why);
    }

    /** Equal values (numbers compare as doubles, arrays by content). */
    public static void equal(String name, Object actual, Object expected, String why, String hint) {
        if (notAnswered(name, actual)) return;
        boolean same = actual instanceof Number a && expected instanceof Number e ? a.doubleValue() == e.doubleValue()
                : Arrays.deepEquals(new Object[] {actual}, new Object[] {expected});
        if (!same) {
            throw failed(name, FAILED + " " + name + " is " + show(actual) + " but should be " + show(expected) + (hint == null ? "" : ": " + hint));
        }
        passed(name, why);
    }

    /** A condition the answer must meet, with the reason it failed. */
    public static void isTrue(String name, Object answer, boolean condition, String why, String failure) {
        if (notAnswered(name, answer)) return;
        if (!condition) throw failed(name, FAILED + " " + name + ": " + failure);
        passed(name, why);
    }

    private static AssertionError failed(String name, String message) {
        RESULTS.put(name, FAILED);
        return new AssertionError(message);
    }

    private static void passed(String name, String why) {
        RESULTS.put(name, PASSED);
        System.out.println(PASSED + " " + name + (why == null || why.isEmpty() ? "" : ": " + why));
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tolerance)) return false;
        return true;
    }

    private static String show(Object value) {
        if (value instanceof double[] d) return Arrays.toString(d);
        if (value instanceof long[] l) return Arrays.toString(l);
        if (value instanceof int[] i) return Arrays.toString(i);
        return String.valueOf(value);
    }
}
