package vae.maths;

import java.util.Random;
import vae.Language;

/**
 * The lesson's formulas in plain Java doubles, with no ND4J: what you would compute by hand.
 * Tests and notebooks use it to cross-check the SameDiff graph.
 */
public final class HandMaths {
    private HandMaths() {}

    /** σ = exp(½·logvar), entry by entry. */
    public static double[] sigma(double[] logVar) {
        double[] sigma = new double[logVar.length];
        for (int i = 0; i < sigma.length; i++) sigma[i] = Math.exp(0.5 * logVar[i]);
        return sigma;
    }

    /** logvar = log σ² = 2·log σ. */
    public static double[] logVar(double[] sigma) {
        double[] logVar = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) logVar[i] = 2 * Math.log(sigma[i]);
        return logVar;
    }

    /** z = μ + σ·ε, entry by entry. */
    public static double[] z(double[] mu, double[] sigma, double[] epsilon) {
        sameLength(mu, sigma, "sigma");
        sameLength(mu, epsilon, "epsilon");
        double[] z = new double[mu.length];
        for (int i = 0; i < z.length; i++) z[i] = mu[i] + sigma[i] * epsilon[i];
        return z;
    }

    /** KL(N(μ, σ²) ‖ N(0, 1)) of each dimension: ½·(μ² + σ² − log σ² − 1) (Kingma &amp; Welling 2013, Appendix B). */
    public static double[] klPerDimension(double[] mu, double[] logVar) {
        sameLength(mu, logVar, "logVar");
        double[] kl = new double[mu.length];
        for (int i = 0; i < kl.length; i++) kl[i] = 0.5 * (mu[i] * mu[i] + Math.exp(logVar[i]) - logVar[i] - 1);
        return kl;
    }

    /** KL summed over the dimensions: ½·Σ(μ² + σ² − log σ² − 1). */
    public static double kl(double[] mu, double[] logVar) {
        double sum = 0;
        for (double k : klPerDimension(mu, logVar)) sum += k;
        return sum;
    }

    /**
     * A Monte Carlo estimate of the same KL: the mean over {@code samples} draws z ~ N(μ, σ²) of
     * log N(z; μ, σ²) − log N(z; 0, 1). It converges to {@link #kl} as the samples grow.
     */
    public static double klMonteCarlo(double[] mu, double[] logVar, int samples, long seed) {
        double[] sigma = sigma(logVar);
        Random random = new Random(seed);
        double total = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < mu.length; i++) {
                double z = mu[i] + sigma[i] * random.nextGaussian();
                total += logDensity(z, mu[i], sigma[i]) - logDensity(z, 0, 1);
            }
        }
        return total / samples;
    }

    /** The Gaussian density N(x; μ, σ²) = exp(−(x − μ)²/(2σ²)) / (σ·√(2π)). */
    public static double density(double x, double mu, double sigma) {
        return Math.exp(logDensity(x, mu, sigma));
    }

    static double logDensity(double x, double mu, double sigma) {
        double u = (x - mu) / sigma;
        return -0.5 * u * u - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }

    /** Rounds every entry to {@code decimals} places, as a hand computation does when it writes σ down first. */
    public static double[] round(double[] values, int decimals) {
        double scale = Math.pow(10, decimals);
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) rounded[i] = Math.round(values[i] * scale) / scale;
        return rounded;
    }

    /** Cuts every entry to {@code decimals} places without rounding (1.16183 → 1.161), as a hand computation often does. */
    public static double[] truncate(double[] values, int decimals) {
        double scale = Math.pow(10, decimals);
        double[] cut = new double[values.length];
        for (int i = 0; i < values.length; i++) cut[i] = (long) (values[i] * scale) / scale;
        return cut;
    }

    /** The mean of the values. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    /** The sample standard deviation (divides by n − 1). */
    public static double std(double[] values) {
        double m = mean(values), sum = 0;
        for (double v : values) sum += (v - m) * (v - m);
        return Math.sqrt(sum / (values.length - 1));
    }

    private static void sameLength(double[] a, double[] b, String name) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(Language.text("error.handMaths.lengths", name, b.length, a.length));
        }
    }
}
