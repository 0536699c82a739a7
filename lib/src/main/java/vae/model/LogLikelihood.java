package vae.model;

import static vae.model.GraphNames.KL_PER_IMAGE;
import static vae.model.GraphNames.LOG_VAR;
import static vae.model.GraphNames.RECONSTRUCTION_LOSS_PER_IMAGE;
import static vae.model.GraphNames.Z;

import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;

/**
 * How well a trained VAE explains an image, log p(x) = log ∫ p(x|z)·p(z) dz, three ways: the ELBO (the bound the loss
 * trains), the importance-sampled estimate with q(z|x) as the proposal, log (1/k)·Σ p(x|zᵢ)·p(zᵢ)/q(zᵢ|x) (the IWAE
 * bound of Burda, Grosse &amp; Salakhutdinov 2015, which rises to log p(x) as k grows), and, for a 2-D latent space, a
 * sum over a grid of z. Everything goes through {@link Vae}'s own graph: log p(x|z) is minus the reconstruction loss
 * the series trains (Bernoulli cross-entropy on the grey pixels, summed over the 784 pixels), so the ELBO here is minus
 * the series' loss averaged over ε.
 */
public final class LogLikelihood {
    /** Rows (images × draws) per pass through the graph: k = 1000 draws of one image go through in one pass. */
    static final int ROWS_PER_PASS = 1000;
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final Vae vae;

    public LogLikelihood(Vae vae) {
        this.vae = Objects.requireNonNull(vae, "vae");
    }

    /**
     * The three terms of log w = log p(x|z) + log p(z) − log q(z|x) for k draws z = μ + σ·ε of each image, [images][k]
     * each, and the closed-form KL(q(z|x) ‖ p(z)) of each image. The weight w = p(x, z)/q(z|x) has mean p(x) under q.
     */
    public record Samples(double[][] logPxGivenZ, double[][] logPz, double[][] logQzGivenX, double[] kl) {
        public int images() { return kl.length; }
        public int k() { return logPxGivenZ[0].length; }

        /** log w of image {@code image}'s k draws. */
        public double[] logWeights(int image) {
            double[] w = new double[k()];
            for (int s = 0; s < w.length; s++) w[s] = logPxGivenZ[image][s] + logPz[image][s] - logQzGivenX[image][s];
            return w;
        }

        /** The ELBO of each image: the mean of log p(x|z) over its draws minus its KL, i.e. −(the loss averaged over ε). */
        public double[] elbo() {
            double[] elbo = new double[images()];
            for (int i = 0; i < elbo.length; i++) elbo[i] = mean(logPxGivenZ[i]) - kl[i];
            return elbo;
        }

        /** log (1/k)·Σ wᵢ of each image, from all its k draws. */
        public double[] importanceSampled() {
            double[] estimate = new double[images()];
            for (int i = 0; i < estimate.length; i++) estimate[i] = logMeanExp(logWeights(i));
            return estimate;
        }

        /** The same with groups of {@code k} draws: each image's k() draws cut into k()/k groups, their estimates averaged. */
        public double[] importanceSampled(int k) {
            double[] estimate = new double[images()];
            for (int i = 0; i < estimate.length; i++) estimate[i] = meanOfGroups(logWeights(i), k);
            return estimate;
        }
    }

    /**
     * Draws k values of ε ~ N(0, I) for each image of {@code x} ([images, 784]), image after image, in the order
     * {@code vae.epsilon(k, random)} would for each image alone, and runs them through the graph, up to
     * {@value #ROWS_PER_PASS} rows at a time.
     */
    public Samples sample(INDArray x, int k, Random random) {
        requirePositive(k, "k");
        int images = images(x), d = vae.latentSize();
        double[][] logPxGivenZ = new double[images][k], logPz = new double[images][k], logQ = new double[images][k];
        double[] kl = new double[images];
        long rows = (long) images * k;
        for (long from = 0; from < rows; from += ROWS_PER_PASS) {
            int count = (int) Math.min(ROWS_PER_PASS, rows - from);
            int[] imageOfRow = new int[count];
            for (int r = 0; r < count; r++) imageOfRow[r] = (int) ((from + r) / k);
            INDArray batch = Nd4j.pullRows(x, 1, imageOfRow);                  // [count, 784]: image i repeated k times
            INDArray epsilon = vae.epsilon(count, random);                      // [count, latent]
            Map<String, INDArray> out = vae.intermediates(batch, epsilon, Z, LOG_VAR, RECONSTRUCTION_LOSS_PER_IMAGE, KL_PER_IMAGE);
            double[] eps = doubles(epsilon);
            double[] z = doubles(out.get(Z));
            double[] logVar = doubles(out.get(LOG_VAR));
            double[] bce = doubles(out.get(RECONSTRUCTION_LOSS_PER_IMAGE));
            double[] klOfRow = doubles(out.get(KL_PER_IMAGE));
            for (int r = 0; r < count; r++) {
                int image = imageOfRow[r], s = (int) ((from + r) % k);
                double zz = 0, ee = 0, lv = 0;
                for (int j = 0; j < d; j++) {
                    zz += z[r * d + j] * z[r * d + j];
                    ee += eps[r * d + j] * eps[r * d + j];
                    lv += logVar[r * d + j];
                }
                logPxGivenZ[image][s] = -bce[r];                                // log p(x|z) = −reconstruction loss
                logPz[image][s] = -0.5 * zz - 0.5 * d * LOG_TWO_PI;             // log N(z; 0, I)
                logQ[image][s] = -0.5 * ee - 0.5 * lv - 0.5 * d * LOG_TWO_PI;   // log N(z; μ, σ²), z = μ + σ·ε
                kl[image] = klOfRow[r];
            }
        }
        return new Samples(logPxGivenZ, logPz, logQ, kl);
    }

    /** The ELBO of each image of {@code x}: E_q[log p(x|z)] from {@code samples} draws, minus the closed-form KL(q(z|x) ‖ p(z)). */
    public double[] elbo(INDArray x, int samples, Random random) {
        return sample(x, samples, random).elbo();
    }

    /** log (1/k)·Σ p(x|zᵢ)·p(zᵢ)/q(zᵢ|x) of each image of {@code x}, zᵢ ~ q(z|x): a lower bound on log p(x) in expectation. */
    public double[] importanceSampled(INDArray x, int k, Random random) {
        return sample(x, k, random).importanceSampled();
    }

    /** {@link LogSpace#logSumExp}: log Σ exp(tᵢ) without overflow or underflow. */
    public static double logSumExp(double... terms) { return LogSpace.logSumExp(terms); }
    /** {@link LogSpace#logMeanExp}: log (1/n)·Σ exp(tᵢ), the log of the mean of the weights, from their logs. */
    public static double logMeanExp(double... terms) { return LogSpace.logMeanExp(terms); }
    /** {@link LogSpace#meanOfGroups}: the estimates of consecutive groups of k log-weights, averaged. */
    public static double meanOfGroups(double[] logWeights, int k) { return LogSpace.meanOfGroups(logWeights, k); }

    /**
     * log p(x|z) + log p(z) at the centres of a steps × steps grid over [z1From, z1To] × [z2From, z2To], for one image of a
     * VAE with a 2-D latent space. Summed with the cell's area, it gives log p(x) as the integral it is ({@link Grid}).
     */
    public Grid grid(INDArray x, double z1From, double z1To, double z2From, double z2To, int steps) {
        if (vae.latentSize() != 2) throw new IllegalArgumentException(Language.text("logLikelihood.notTwoD", vae.latentSize()));
        if (images(x) != 1) throw new IllegalArgumentException(Language.text("logLikelihood.oneImage", x.rows()));
        requirePositive(steps, "steps");
        double h1 = (z1To - z1From) / steps, h2 = (z2To - z2From) / steps;
        double[] z1 = new double[steps], z2 = new double[steps];
        for (int i = 0; i < steps; i++) { z1[i] = z1From + (i + 0.5) * h1; z2[i] = z2From + (i + 0.5) * h2; }
        Encoded q = vae.encode(x);
        double mu1 = q.mu().getDouble(0, 0), mu2 = q.mu().getDouble(0, 1);
        double s1 = q.sigma().getDouble(0, 0), s2 = q.sigma().getDouble(0, 1);
        double[][] logJoint = new double[steps][steps];
        long points = (long) steps * steps;
        for (long from = 0; from < points; from += ROWS_PER_PASS) {
            int count = (int) Math.min(ROWS_PER_PASS, points - from);
            double[] eps = new double[2 * count];                               // ε = (z − μ)/σ, so that z = μ + σ·ε is the grid point
            for (int r = 0; r < count; r++) {
                long p = from + r;
                eps[2 * r] = (z1[(int) (p / steps)] - mu1) / s1;
                eps[2 * r + 1] = (z2[(int) (p % steps)] - mu2) / s2;
            }
            INDArray epsilon = Nd4j.createFromArray(eps).reshape(count, 2).castTo(vae.config().dataType());
            INDArray batch = Nd4j.tile(x, count, 1);
            double[] bce = doubles(vae.intermediates(batch, epsilon, RECONSTRUCTION_LOSS_PER_IMAGE).get(RECONSTRUCTION_LOSS_PER_IMAGE));
            for (int r = 0; r < count; r++) {
                int i = (int) ((from + r) / steps), j = (int) ((from + r) % steps);
                logJoint[i][j] = -bce[r] - 0.5 * (z1[i] * z1[i] + z2[j] * z2[j]) - LOG_TWO_PI;
            }
        }
        return new Grid(z1, z2, logJoint, h1 * h2);
    }

    /** log p(x|z) + log p(z) at each grid point z = (z1[i], z2[j]), and the area of one cell of the grid. */
    public record Grid(double[] z1, double[] z2, double[][] logJoint, double cellArea) {
        /** log p(x) = log Σ p(x|z)·p(z)·area over the grid (the midpoint rule for the integral). */
        public double logEvidence() {
            double[] terms = new double[z1.length * z2.length];
            for (int i = 0; i < z1.length; i++) for (int j = 0; j < z2.length; j++) terms[i * z2.length + j] = logJoint[i][j];
            return logSumExp(terms) + Math.log(cellArea);
        }

        /** log p(z|x) = log p(x|z) + log p(z) − log p(x) at grid point (i, j) (Bayes' rule). */
        public double logPosterior(int i, int j) {
            return logJoint[i][j] - logEvidence();
        }

        /**
         * KL(q(z|x) ‖ p(z|x)) for q = N(μ, σ²) (σ² = exp(logvar)): Σ q(z)·(log q(z) − log p(z|x))·area over the grid,
         * the part of log p(x) that the ELBO misses.
         */
        public double klToPosterior(double[] mu, double[] logVar) {
            double logEvidence = logEvidence(), kl = 0;
            for (int i = 0; i < z1.length; i++) {
                for (int j = 0; j < z2.length; j++) {
                    double logQ = LogSpace.logNormal(z1[i], mu[0], logVar[0]) + LogSpace.logNormal(z2[j], mu[1], logVar[1]);
                    kl += Math.exp(logQ) * (logQ - (logJoint[i][j] - logEvidence)) * cellArea;
                }
            }
            return kl;
        }

        /** The grid point (z₁, z₂) where log p(x|z) + log p(z) is largest: the mode of the posterior p(z|x). */
        public double[] mode() {
            int bi = 0, bj = 0;
            for (int i = 0; i < z1.length; i++) for (int j = 0; j < z2.length; j++) if (logJoint[i][j] > logJoint[bi][bj]) { bi = i; bj = j; }
            return new double[] {z1[bi], z2[bj]};
        }
    }

    private int images(INDArray x) {
        if (x == null || x.rank() != 2) return (int) vae.encode(x).mu().rows();   // Vae's checks say what is wrong
        return (int) x.rows();
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) throw new IllegalArgumentException(Language.text("logLikelihood.positive", name, value));
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();   // a fresh row-major copy, never a view
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }
}
