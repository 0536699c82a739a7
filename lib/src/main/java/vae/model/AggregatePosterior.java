package vae.model;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;

/**
 * The aggregate posterior q(z) = (1/n)·Σₓ q(z | x): every image's Gaussian N(μ(x), σ(x)²) together, an equal-weight
 * mixture. The KL of the loss pulls each q(z | x) towards the prior N(0, I); it is this mixture, not any one image's
 * Gaussian, that can come near N(0, I) (Hoffman &amp; Johnson 2016, "ELBO surgery"; Rosca et al. 2018 on its "holes").
 * Plain doubles, so that a reader can follow every sum.
 */
public final class AggregatePosterior {
    private final double[][] mu;     // [n][latent]  μ(x) of each image
    private final double[][] sigma;  // [n][latent]  σ(x) = exp(½·logvar(x)) of each image

    private AggregatePosterior(double[][] mu, double[][] sigma) {
        if (mu.length == 0) throw new IllegalArgumentException(Language.text("error.aggregate.noImages"));
        if (mu.length != sigma.length || mu[0].length != sigma[0].length) {
            throw new IllegalArgumentException(Language.text("error.aggregate.shapes", mu.length, mu[0].length, sigma.length, sigma[0].length));
        }
        for (double[] row : sigma) for (double s : row) {
            if (!(s > 0)) throw new IllegalArgumentException(Language.text("error.aggregate.sigmaNotPositive", s));
        }
        this.mu = mu;
        this.sigma = sigma;
    }

    /** The mixture of the Gaussians the encoder gave each image: μ and logvar of [n, latent]. */
    public static AggregatePosterior of(Encoded encoded) {
        return new AggregatePosterior(encoded.mu().toDoubleMatrix(), encoded.sigma().toDoubleMatrix());
    }

    /** The mixture over the images {@code x} ([n, 784]) as {@code vae} encodes them. */
    public static AggregatePosterior of(Vae vae, INDArray x) {
        return of(vae.encode(x));
    }

    /** The mixture of N(mu[i], diag(sigma[i]²)), one row per image (for tests and hand-made examples). */
    public static AggregatePosterior of(double[][] mu, double[][] sigma) {
        return new AggregatePosterior(copy(mu), copy(sigma));
    }

    /** How many images (mixture components). */
    public int images() { return mu.length; }

    /** How many latent dimensions. */
    public int latentSize() { return mu[0].length; }

    /** A copy of every image's μ, [n][latent]. */
    public double[][] mu() { return copy(mu); }

    /** A copy of every image's σ, [n][latent]. */
    public double[][] sigma() { return copy(sigma); }

    /** E[z] per dimension: the mean of μ over the images (each Gaussian is centred on its μ). */
    public double[] mean() {
        double[] mean = new double[latentSize()];
        for (double[] row : mu) for (int j = 0; j < mean.length; j++) mean[j] += row[j] / images();
        return mean;
    }

    /** Mean over the images of σ² per dimension: how wide one image's Gaussian is, on average. */
    public double[] meanSigmaSquared() {
        double[] m = new double[latentSize()];
        for (double[] row : sigma) for (int j = 0; j < m.length; j++) m[j] += row[j] * row[j] / images();
        return m;
    }

    /** Variance over the images of μ per dimension (divided by n): how far apart the images' Gaussians sit. */
    public double[] varianceOfMu() {
        double[] mean = mean(), v = new double[latentSize()];
        for (double[] row : mu) for (int j = 0; j < v.length; j++) v[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / images();
        return v;
    }

    /** Var[z] per dimension by the law of total variance: E[σ²] + Var[μ], the width within plus the spread between. */
    public double[] variance() {
        double[] within = meanSigmaSquared(), between = varianceOfMu(), v = new double[latentSize()];
        for (int j = 0; j < v.length; j++) v[j] = within[j] + between[j];
        return v;
    }

    /** {@code count} draws from q(z) ([count, latent]): pick an image at random, then z = μ + σ·ε with ε ~ N(0, I). */
    public INDArray sample(int count, Random random) {
        if (count < 1) throw new IllegalArgumentException(Language.text("error.aggregate.count", count));
        double[][] z = new double[count][latentSize()];
        for (int k = 0; k < count; k++) {
            int i = random.nextInt(images());
            for (int j = 0; j < latentSize(); j++) z[k][j] = mu[i][j] + sigma[i][j] * random.nextGaussian();
        }
        return Nd4j.create(z);
    }

    /** log q(z) = log (1/n)·Σᵢ N(z; μᵢ, diag σᵢ²), summed stably (log-sum-exp): fine in 10 dimensions too. */
    public double logDensity(double... z) {
        if (z.length != latentSize()) {
            throw new IllegalArgumentException(Language.text("error.aggregate.zSize", z.length, latentSize()));
        }
        double[] logs = new double[images()];
        for (int i = 0; i < images(); i++) {
            for (int j = 0; j < z.length; j++) logs[i] += logNormal(z[j], mu[i][j], sigma[i][j]);
        }
        return LogLikelihood.logMeanExp(logs);   // the mean of the images' densities, stably
    }

    /** q(z), the mixture's density at z. */
    public double density(double... z) { return Math.exp(logDensity(z)); }

    /** The prior's density p(z) = N(z; 0, I) at z, for comparison with {@link #density}. */
    public static double priorDensity(double... z) {
        double log = 0;
        for (double v : z) log += logNormal(v, 0, 1);
        return Math.exp(log);
    }

    /** The densities q(z) at each row of {@code z} ([count, latent]). */
    public double[] density(INDArray z) {
        double[][] rows = z.toDoubleMatrix();
        double[] d = new double[rows.length];
        for (int k = 0; k < rows.length; k++) d[k] = density(rows[k]);
        return d;
    }

    /** The prior's densities p(z) at each row of {@code z} ([count, latent]). */
    public static double[] priorDensity(INDArray z) {
        double[][] rows = z.toDoubleMatrix();
        double[] d = new double[rows.length];
        for (int k = 0; k < rows.length; k++) d[k] = priorDensity(rows[k]);
        return d;
    }

    @Override
    public String toString() {
        return "AggregatePosterior(q(z) = mean over " + images() + " images of N(μ(x), σ(x)²), " + latentSize() + " dimensions)";
    }

    private static double logNormal(double x, double mu, double sigma) {
        double u = (x - mu) / sigma;
        return -0.5 * u * u - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
