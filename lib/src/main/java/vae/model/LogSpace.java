package vae.model;

import java.util.Arrays;
import vae.Language;

/**
 * Probabilities kept as their logs: the importance weights of {@link LogLikelihood} are p(x|z)·p(z)/q(z|x), products
 * of 784 pixel probabilities, far below the smallest double (e^−100 and less), so they are summed as log-weights, and a
 * density is computed as its log.
 */
public final class LogSpace {
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private LogSpace() {}

    /** log Σ exp(tᵢ), computed as m + log Σ exp(tᵢ − m) with m the largest term, so that no exp overflows or underflows to 0 for all. */
    public static double logSumExp(double... terms) {
        if (terms.length == 0) throw new IllegalArgumentException(Language.text("logLikelihood.noTerms"));
        double m = Double.NEGATIVE_INFINITY;
        for (double t : terms) m = Math.max(m, t);
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) return m;
        double sum = 0;
        for (double t : terms) sum += Math.exp(t - m);
        return m + Math.log(sum);
    }

    /** log (1/n)·Σ exp(tᵢ) = logSumExp(t) − log n: the log of the mean of the weights, from their logs. */
    public static double logMeanExp(double... terms) {
        return logSumExp(terms) - Math.log(terms.length);
    }

    /** The estimates log (1/k)·Σ wᵢ of consecutive groups of k log-weights, averaged: n/k estimates from n draws. */
    public static double meanOfGroups(double[] logWeights, int k) {
        if (k < 1) throw new IllegalArgumentException(Language.text("logLikelihood.positive", "k", k));
        if (logWeights.length % k != 0) {
            throw new IllegalArgumentException(Language.text("logLikelihood.groups", logWeights.length, k));
        }
        double sum = 0;
        for (int g = 0; g < logWeights.length / k; g++) {
            sum += logMeanExp(Arrays.copyOfRange(logWeights, g * k, (g + 1) * k));
        }
        return sum / (logWeights.length / k);
    }

    /** log N(z; μ, σ²) of one dimension, with σ² = exp(logvar). */
    public static double logNormal(double z, double mu, double logVar) {
        return -0.5 * (z - mu) * (z - mu) / Math.exp(logVar) - 0.5 * logVar - 0.5 * LOG_TWO_PI;
    }
}
