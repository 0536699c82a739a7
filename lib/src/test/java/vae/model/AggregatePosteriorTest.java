package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.maths.HandMaths;

class AggregatePosteriorTest {
    // Three "images" in a 2-D latent space: narrow Gaussians, scattered, as a trained encoder gives them.
    static final double[][] MU = {{-1.5, 0.5}, {0.2, -2.0}, {1.0, 1.2}};
    static final double[][] SIGMA = {{0.3, 0.2}, {0.1, 0.4}, {0.25, 0.15}};

    @Test
    void meanAndVarianceAgreeWithIntegratingTheMixturesDensity() {
        // The independent reference: E[z] and Var[z] of each dimension by integrating the 1-D mixture density
        // (1/n)·Σ N(z; μᵢ, σᵢ²) on a fine grid, in plain doubles, with no law of total variance.
        AggregatePosterior q = AggregatePosterior.of(MU, SIGMA);
        for (int j = 0; j < 2; j++) {
            double m0 = 0, m1 = 0, m2 = 0, dz = 1e-4;
            for (double z = -10; z < 10; z += dz) {
                double density = 0;
                for (int i = 0; i < MU.length; i++) density += HandMaths.density(z, MU[i][j], SIGMA[i][j]) / MU.length;
                m0 += density * dz;
                m1 += z * density * dz;
                m2 += z * z * density * dz;
            }
            assertEquals(1.0, m0, 1e-9, "the density integrates to 1");
            assertEquals(m1, q.mean()[j], 1e-9, "E[z] of dimension " + j);
            assertEquals(m2 - m1 * m1, q.variance()[j], 1e-9, "Var[z] of dimension " + j);
        }
    }

    @Test
    void varianceIsMeanSigmaSquaredPlusVarianceOfMu() {
        // Dimension 0 by hand: mean μ = (−1.5 + 0.2 + 1.0)/3 = −0.1; Var μ = (1.96 + 0.09 + 1.21)/3 = 1.0867;
        // mean σ² = (0.09 + 0.01 + 0.0625)/3 = 0.05417; total 1.14083.
        AggregatePosterior q = AggregatePosterior.of(MU, SIGMA);
        assertEquals(-0.1, q.mean()[0], 1e-12);
        assertEquals(3.26 / 3, q.varianceOfMu()[0], 1e-12);
        assertEquals(0.1625 / 3, q.meanSigmaSquared()[0], 1e-12);
        assertEquals(3.4225 / 3, q.variance()[0], 1e-12);
    }

    @Test
    void densityIsTheAverageOfTheImagesGaussians() {
        AggregatePosterior q = AggregatePosterior.of(MU, SIGMA);
        double[] z = {0.1, -1.7};
        double expected = 0;
        for (int i = 0; i < MU.length; i++) {
            expected += HandMaths.density(z[0], MU[i][0], SIGMA[i][0]) * HandMaths.density(z[1], MU[i][1], SIGMA[i][1]) / MU.length;
        }
        assertEquals(expected, q.density(z), 1e-12 * expected);
        assertEquals(HandMaths.density(0.1, 0, 1) * HandMaths.density(-1.7, 0, 1), AggregatePosterior.priorDensity(z), 1e-15);
        double[] atRows = q.density(Nd4j.create(new double[][] {z, {0, 0}}));
        assertEquals(expected, atRows[0], 1e-12 * expected);
        assertEquals(q.density(0, 0), atRows[1], 0);
    }

    @Test
    void densityIntegratesToOneOverThePlane() {
        AggregatePosterior q = AggregatePosterior.of(MU, SIGMA);
        double sum = 0, d = 0.01;
        for (double z1 = -4; z1 < 4; z1 += d) for (double z2 = -5; z2 < 5; z2 += d) sum += q.density(z1 + d / 2, z2 + d / 2) * d * d;
        assertEquals(1.0, sum, 1e-4);
    }

    @Test
    void logDensityStaysFiniteWhereTheDensityUnderflows() {
        // Ten dimensions, σ = 0.05, z three units from every μ: each Gaussian's density is about e^−1800, below any double.
        double[][] mu = new double[2][10], sigma = new double[2][10];
        for (int j = 0; j < 10; j++) { mu[0][j] = 1; mu[1][j] = -1; sigma[0][j] = 0.05; sigma[1][j] = 0.05; }
        AggregatePosterior q = AggregatePosterior.of(mu, sigma);
        double[] z = new double[10];
        java.util.Arrays.fill(z, 4);
        // By hand: component 0 has log N = 10·(−½·(3/0.05)² − log 0.05 − ½·log 2π); component 1 is e^−(much more) smaller.
        double expected = 10 * (-0.5 * 3600 - Math.log(0.05) - 0.5 * Math.log(2 * Math.PI)) + Math.log(0.5);
        assertEquals(expected, q.logDensity(z), 1e-9 * Math.abs(expected));
        assertEquals(0.0, q.density(z), 0.0);
    }

    @Test
    void drawsHaveTheMixturesMeanAndVariance() {
        AggregatePosterior q = AggregatePosterior.of(MU, SIGMA);
        INDArray draws = q.sample(200_000, new Random(3));
        assertArrayEquals(new long[] {200_000, 2}, draws.shape());
        for (int j = 0; j < 2; j++) {
            double[] column = draws.getColumn(j).toDoubleVector();
            assertEquals(q.mean()[j], HandMaths.mean(column), 0.01, "sample mean of dimension " + j);
            double std = HandMaths.std(column);
            assertEquals(q.variance()[j], std * std, 0.02, "sample variance of dimension " + j);
        }
    }

    @Test
    void fromTheEncoderSigmaIsExpOfHalfLogVar() {
        double[][] logVar = new double[MU.length][2];
        for (int i = 0; i < MU.length; i++) for (int j = 0; j < 2; j++) logVar[i][j] = Math.log(SIGMA[i][j] * SIGMA[i][j]);
        AggregatePosterior fromEncoder = AggregatePosterior.of(new Encoded(Nd4j.create(MU), Nd4j.create(logVar)));
        AggregatePosterior byHand = AggregatePosterior.of(MU, SIGMA);
        assertArrayEquals(byHand.variance(), fromEncoder.variance(), 1e-12);
        assertEquals(3, fromEncoder.images());
        assertEquals(2, fromEncoder.latentSize());
    }

    @Test
    void rejectsLogVarGivenAsSigmaAndZOfTheWrongSize() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> AggregatePosterior.of(new double[][] {{0, 0}}, new double[][] {{0.5, -1.2}}));
        assertTrue(negative.getMessage().contains("σ = exp(½·logvar)"), negative.getMessage());
        AggregatePosterior q = AggregatePosterior.of(MU, SIGMA);
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> q.density(1, 2, 3));
        assertTrue(size.getMessage().contains("3 values") && size.getMessage().contains("2 dimensions"), size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AggregatePosterior.of(new double[0][], new double[0][]));
    }
}
