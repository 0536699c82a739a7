package vae.exercise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import vae.Language;

/**
 * One exercise's inputs for one learner: a shared answer is worth nothing, the skill asked is the same (as in
 * PrairieLearn's or WeBWorK's questions). Each input is drawn from a {@link java.util.Random} seeded with the first 8
 * bytes (big-endian) of SHA-256 over the UTF-8 of {@code grade_id + "\n" + learner + "\n" + input name}: the same numbers
 * for the same learner on any machine and JVM (Random's algorithm is fixed by its specification). With no learner set
 * ({@link Learner}) every input is the book's own value, so self-study and the tests see today's numbers.
 *
 * <pre>{@code Variant v = Variant.of("03-sigma-by-hand");
 * double[] exerciseLogVar = v.pick("logvar", new double[] {0.4, -1.2, 0.0, 2.0}, r -> r.uniforms(4, -2, 2, 1));}</pre>
 */
public final class Variant {
    private final String exercise;
    private final String learner;

    private Variant(String exercise, String learner) {
        this.exercise = exercise;
        this.learner = learner;
    }

    /** The inputs of exercise {@code gradeId} (its answer cell's grade_id) for the current {@link Learner}. */
    public static Variant of(String gradeId) {
        return new Variant(gradeId, Learner.current());
    }

    /** The inputs of exercise {@code gradeId} for {@code learner} (null: the book's own), e.g. for a test or a lecturer. */
    public static Variant of(String gradeId, String learner) {
        return new Variant(gradeId, learner == null || learner.isBlank() ? null : learner.strip());
    }

    /** The learner these inputs are for, or null for the book's own. */
    public String learner() { return learner; }

    /**
     * The input {@code name}: {@code book} (today's value) with no learner, else what {@code draw} draws from this
     * learner's seed; printed either way ("Your inputs (learner X): logvar = […]"), so the learner sees what they work on.
     */
    public <T> T pick(String name, T book, Function<Draw, T> draw) {
        T value = learner == null ? book : draw.apply(new Draw(seed(exercise, learner, name)));
        String shown = name + " = " + show(value);
        System.out.println(learner == null ? Language.text("variant.book", shown) : Language.text("variant.learner", learner, shown));
        return value;
    }

    /** The seed of one input: SHA-256 of "gradeId\nlearner\nname" (UTF-8), its first 8 bytes as a big-endian long. */
    static long seed(String exercise, String learner, String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((exercise + "\n" + learner + "\n" + name).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) seed = (seed << 8) | (hash[i] & 0xff);
            return seed;
        } catch (NoSuchAlgorithmException e) {
            // internal: every Java platform must provide SHA-256 (MessageDigest's specification)
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Numbers drawn for one input, rounded to a few decimals so that a learner can compute by hand. */
    public static final class Draw {
        private final Random random;

        Draw(long seed) { this.random = new Random(seed); }

        /** One number in [lo, hi), rounded to {@code decimals}. */
        public double uniform(double lo, double hi, int decimals) {
            return round(lo + (hi - lo) * random.nextDouble(), decimals);
        }

        /** {@code n} numbers in [lo, hi), each rounded to {@code decimals}. */
        public double[] uniforms(int n, double lo, double hi, int decimals) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) values[i] = uniform(lo, hi, decimals);
            return values;
        }

        /** {@code base} plus an offset in [lo, hi) for each entry, rounded to {@code decimals} (e.g. a z near μ). */
        public double[] around(double[] base, double lo, double hi, int decimals) {
            double[] values = new double[base.length];
            for (int i = 0; i < base.length; i++) values[i] = round(base[i] + lo + (hi - lo) * random.nextDouble(), decimals);
            return values;
        }

        /** A whole number from {@code lo} to {@code hi}, both included (an image index, a k, a seed). */
        public int integer(int lo, int hi) {
            return lo + random.nextInt(hi - lo + 1);
        }

        static double round(double value, int decimals) {
            double scale = Math.pow(10, decimals);
            return Math.round(value * scale) / scale + 0.0;   // + 0.0: never −0.0
        }
    }

    private static String show(Object value) {
        if (value instanceof double[] d) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < d.length; i++) b.append(i > 0 ? ", " : "").append(number(d[i]));
            return b.append(']').toString();
        }
        if (value instanceof Double d) return number(d);
        return String.valueOf(value);
    }

    /** 0.4, −1.25, 2 as a learner writes them (no trailing zeros, up to 6 decimals). */
    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
