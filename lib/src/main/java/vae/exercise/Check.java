package vae.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/**
 * The checks behind the notebooks' exercises. A check prints ✔ with a one-line why, or throws an {@link AssertionError}
 * that says what came, how it misses (direction, rough size, the pattern of the mistake) and a hint, but never the
 * expected value: a learner who wants it asks with {@link #reveal(String)}, which a lecturer can switch off for graded
 * work ({@link Answers}). Never Java's {@code assert}, which the JVM skips without -ea. An answer still null (the
 * learner's stub) prints "not yet answered" and does not stop the notebook. Each check also gives its {@link Verdict} as
 * data to the session's {@link Verdicts}, which the grader reads.
 */
public final class Check {
    /** Printed first on an unanswered exercise, in English ({@link #NOT_ANSWERED_MARK} in every language). */
    public static final String NOT_ANSWERED = "◻ not yet answered";
    /** The mark an unanswered exercise's line starts with in every language. */
    public static final String NOT_ANSWERED_MARK = "◻";
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
        if (all.isEmpty()) return Language.text("report.none");
        long passed = all.stream().filter(Verdict::passed).count();
        List<String> failed = all.stream().filter(v -> v.answered() && !v.passed()).map(Verdict::name).toList();
        List<String> open = all.stream().filter(v -> !v.answered()).map(Verdict::name).toList();
        if (passed == all.size()) {
            return Language.text("report.all", passed);
        }
        return Language.text("report.some", passed, all.size())
                + (failed.isEmpty() ? "" : Language.text("report.failing", failed.size(), String.join(", ", failed)))
                + (open.isEmpty() ? "" : Language.text("report.open", open.size(), String.join(", ", open))) + ".";
    }

    /** Forgets this session's verdicts so far (e.g. after a demonstration of the checks). */
    public static void reset() { verdicts.clear(); }

    public static Mistake mistake(double[] wouldGive, String hint) { return new Mistake(wouldGive, hint); }

    /** True (and prints so) when {@code answer} is still the stub's null. */
    public static boolean notAnswered(String name, Object answer) {
        if (answer != null) return false;
        String message = Language.text("check.notAnswered", name);
        System.out.println(message);
        verdicts.add(new Verdict(name, false, false, null, null, message));
        return true;
    }

    /** Every entry of {@code actual} within {@code tolerance} of {@code expected}. */
    public static void closeTo(String name, double[] actual, double[] expected, double tolerance, String why, Mistake... mistakes) {
        if (notAnswered(name, actual)) return;
        if (actual.length != expected.length) {
            throw failed(name, String.valueOf(expected.length), String.valueOf(actual.length), Language.text("check.lengths", name, actual.length, expected.length));
        }
        int first = firstOff(actual, expected, tolerance);
        if (first >= 0) {
            String got = Misses.got(actual[first], expected[first]);
            throw failed(name, show(expected), show(actual), Language.text("check.entry", name, first, got,
                    Misses.of(actual[first], expected[first]), Misses.hint(actual, expected, tolerance, mistakes)));
        }
        passed(name, show(expected), show(actual), why);
    }

    /**
     * One number within {@code tolerance}. The tolerance must be smaller than the expected value's size, so that 0 (or
     * any answer of the wrong size) cannot pass; a check written with a looser one is refused at once.
     */
    public static void closeTo(String name, Double actual, double expected, double tolerance, String why, Mistake... mistakes) {
        if (expected != 0 && tolerance >= Math.abs(expected)) {
            throw new IllegalArgumentException(Language.text("check.tolerance", number(tolerance), name, number(expected), number(Math.abs(expected) * 0.05)));
        }
        if (notAnswered(name, actual)) return;
        if (!(Math.abs(actual - expected) <= tolerance)) {
            String got = Misses.got(actual, expected);
            throw failed(name, number(expected), got, Language.text("check.scalar", name, got, Misses.of(actual, expected),
                    Misses.hint(new double[] {actual}, new double[] {expected}, tolerance, mistakes)));
        }
        passed(name, number(expected), number(actual), why);
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
        if (!Arrays.equals(actual.shape(), shape)) throw failed(name, should, got, Language.text("check.shape", name, got, shapeMiss(actual.shape(), shape)));
        if (why != null) passed(name, should, got, why);
    }

    /** Equal values (numbers compare as doubles, arrays by content). */
    public static void equal(String name, Object actual, Object expected, String why, String hint) {
        if (notAnswered(name, actual)) return;
        boolean same = actual instanceof Number a && expected instanceof Number e ? a.doubleValue() == e.doubleValue()
                : Arrays.deepEquals(new Object[] {actual}, new Object[] {expected});
        if (!same) {
            String miss = actual instanceof Number a && expected instanceof Number e ? Misses.of(a.doubleValue(), e.doubleValue())
                    : Language.text("miss.notIt");
            String got = actual instanceof Number a && expected instanceof Number e ? Misses.got(a.doubleValue(), e.doubleValue()) : show(actual);
            throw failed(name, show(expected), show(actual), hint == null ? Language.text("check.equal", name, got, miss)
                    : Language.text("check.equalHint", name, got, miss, hint));
        }
        passed(name, show(expected), show(actual), why);
    }

    /** A condition the answer must meet, with the reason it failed. */
    public static void isTrue(String name, Object answer, boolean condition, String why, String failure) {
        if (notAnswered(name, answer)) return;
        if (!condition) throw failed(name, null, show(answer), Language.text("check.isTrue", name, failure, show(answer)));
        passed(name, null, show(answer), why);
    }

    /**
     * Prints the expected answer of the check {@code name} as last run in this session, if revealing is allowed here
     * ({@link Answers}); the check itself still fails until the answer gives it.
     */
    public static void reveal(String name) {
        Answers answers = Answers.current();
        if (!answers.revealable()) {
            System.out.println(Language.text("reveal.off", name));
            return;
        }
        String expected = verdicts.answer(name);
        System.out.println(expected == null ? Language.text("reveal.unknown", name) : Language.text("reveal.answer", name, expected));
    }

    private static AssertionError failed(String name, String expected, String got, String message) {
        verdicts.remember(name, expected);
        verdicts.add(new Verdict(name, true, false, Answers.current().expectedInFailedVerdicts() ? expected : null, got, message));
        return new AssertionError(message);
    }

    private static void passed(String name, String expected, String got, String why) {
        String message = why == null || why.isEmpty() ? Language.text("check.passed", name) : Language.text("check.passedWhy", name, why);
        System.out.println(message);
        verdicts.remember(name, expected);
        verdicts.add(new Verdict(name, true, true, expected, got, message));
    }

    /** Which way a shape is wrong, without the shape: the number of axes, or the first axis that is too long or short. */
    private static String shapeMiss(long[] actual, long[] expected) {
        if (actual.length != expected.length) return Language.text("shape.axes", actual.length, expected.length > actual.length ? Language.text("miss.tooFew") : Language.text("miss.tooMany"));
        long[] a = actual.clone(), e = expected.clone();
        Arrays.sort(a);
        Arrays.sort(e);
        if (Arrays.equals(a, e)) return Language.text("shape.order");
        for (int i = 0; ; i++) {
            if (actual[i] != expected[i]) return Language.text("shape.axis", i, Language.text(actual[i] > expected[i] ? "miss.tooLong" : "miss.tooShort"));
        }
    }

    private static int firstOff(double[] actual, double[] expected, double tolerance) {
        for (int i = 0; i < expected.length; i++) if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) return i;
        return -1;
    }

    /** Numbers as the messages print them; a long array by its first entries and its length. */
    private static String show(double[] values) {
        int shown = Math.min(values.length, 8);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shown; i++) b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", values[i]));
        return b.append(values.length > shown ? Language.text("check.moreEntries", values.length) : "]").toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String show(Object value) {
        if (value instanceof double[] d) return show(d);
        if (value instanceof float[] f) { double[] d = new double[f.length]; for (int i = 0; i < f.length; i++) d[i] = f[i]; return show(d); }
        if (value instanceof Double d) return number(d);
        if (value instanceof Float f) return number(f);
        if (value instanceof INDArray a) return Arrays.toString(a.shape()) + " " + show(a.dup().ravel().toDoubleVector());
        if (value instanceof long[] l) return Arrays.toString(l);
        if (value instanceof int[] i) return Arrays.toString(i);
        // rows of an array by their shape and first row, not Java's identity hash ("[[D@1bedc95a"), which differs per run
        if (value instanceof double[][] rows) return rows.length + " × " + (rows.length == 0 ? 0 : rows[0].length) + (rows.length == 0 ? "" : " " + show(rows[0]) + (rows.length > 1 ? " …" : ""));
        if (value instanceof Object[] objects) return show(Arrays.deepToString(objects));
        String text = String.valueOf(value);
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }
}
