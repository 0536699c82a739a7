package vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vae.Pretrained;
import vae.data.Mnist;
import vae.maths.HandMaths;

/**
 * LogLikelihood against a brute-force integral: for the 2-D model, log p(x) = log ∫ p(x|z)·p(z) dz is summed over a
 * uniform grid of the square [−4, 4]² with plain loops (the decoder's pixel probabilities, the Bernoulli log-likelihood
 * written out, no log-sum-exp), independently of the class.
 */
class LogLikelihoodTest {
    static Vae twoD;
    static LogLikelihood twoDLikelihood;
    static INDArray three;
    static double bruteForce;                     // log p(x) of the first test 3 under the 2-D model, by the brute-force grid
    static LogLikelihood.Samples manyDraws;       // 100,000 draws from q(z|x) for that 3

    @BeforeAll
    static void bruteForceIntegral() {
        twoD = Pretrained.latent2d();
        twoDLikelihood = new LogLikelihood(twoD);
        three = Mnist.test().firstImageOfDigit(3);
        double[] x = three.castTo(DataType.DOUBLE).toDoubleVector();
        int steps = 200;
        double from = -4, h = 8.0 / steps, sum = 0;
        for (int i = 0; i < steps; i++) {
            INDArray z = Nd4j.create(DataType.FLOAT, steps, 2);
            for (int j = 0; j < steps; j++) {
                z.putScalar(j, 0, from + (i + 0.5) * h);
                z.putScalar(j, 1, from + (j + 0.5) * h);
            }
            INDArray r = twoD.decode(z).castTo(DataType.DOUBLE);
            for (int j = 0; j < steps; j++) {
                double z1 = z.getDouble(j, 0), z2 = z.getDouble(j, 1), logPxGivenZ = 0;
                for (int p = 0; p < 784; p++) {
                    double rp = r.getDouble(j, p);
                    if (x[p] > 0) logPxGivenZ += x[p] * Math.log(rp);
                    if (x[p] < 1) logPxGivenZ += (1 - x[p]) * Math.log(1 - rp);
                }
                double pz = Math.exp(-0.5 * (z1 * z1 + z2 * z2)) / (2 * Math.PI);
                sum += Math.exp(logPxGivenZ) * pz * h * h;      // about e^−235 here: far above double's smallest number
            }
        }
        bruteForce = Math.log(sum);
        manyDraws = twoDLikelihood.sample(three, 100_000, new Random(1));
    }

    @Test
    void gridAroundThePosteriorAgreesWithTheBruteForceIntegral() {
        LogLikelihood.Grid grid = twoDLikelihood.grid(three, 0.7, 2.3, -2.0, -0.4, 100);
        // −235.1936 and −235.1942 on 2026-12-03: the float decoder's log(1 − r) near r = 1 is not quite the graph's BCE on logits.
        assertEquals(bruteForce, grid.logEvidence(), 0.01, "grid " + grid.logEvidence() + ", brute force " + bruteForce);
        LogLikelihood.Grid finer = twoDLikelihood.grid(three, 0.7, 2.3, -2.0, -0.4, 200);
        assertEquals(grid.logEvidence(), finer.logEvidence(), 1e-3, "the grid is fine enough: halving its step changes nothing");
    }

    @Test
    void importanceSampledWithLargeKApproachesLogPxFromBelow() {
        double estimate = manyDraws.importanceSampled()[0];   // k = 100,000
        // q(z|x) sits beside the posterior, so the weights are heavy-tailed and the bound closes slowly: 0.11 nats below here.
        assertTrue(estimate < bruteForce + 0.05 && estimate > bruteForce - 0.3,
                "k = 100,000 gives " + estimate + ", the brute-force log p(x) is " + bruteForce);
    }

    @Test
    void theBoundRisesWithK() {
        double[] logWeights = manyDraws.logWeights(0);
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 10, 100, 1000, 10_000, 100_000}) {
            double bound = LogLikelihood.meanOfGroups(logWeights, k);
            assertTrue(bound > previous, "k = " + k + " gives " + bound + ", not above " + previous);
            assertTrue(bound < bruteForce + 0.05, "k = " + k + " gives " + bound + ", above log p(x) " + bruteForce);
            previous = bound;
        }
        // Each bound averages disjoint groups, so independent draws: in expectation, as Burda et al. prove.
        assertTrue(LogLikelihood.meanOfGroups(logWeights, 1000) - LogLikelihood.meanOfGroups(logWeights, 1) > 4);
    }

    @Test
    void kOneAveragesToTheElboAndTheElboPlusTheKlToThePosteriorIsLogPx() {
        double[] logWeights = manyDraws.logWeights(0);
        double kOne = LogLikelihood.meanOfGroups(logWeights, 1), elbo = manyDraws.elbo()[0];
        double standardError = HandMaths.std(logWeights) / Math.sqrt(logWeights.length);
        assertEquals(elbo, kOne, 4 * standardError, "the mean of 100,000 k = 1 estimates against the ELBO");

        LogLikelihood.Grid grid = twoDLikelihood.grid(three, 0.7, 2.3, -2.0, -0.4, 160);
        Encoded q = twoD.encode(three);
        double klToPosterior = grid.klToPosterior(q.mu().toDoubleVector(), q.logVar().toDoubleVector());
        assertTrue(klToPosterior > 0);
        assertEquals(grid.logEvidence(), elbo + klToPosterior, 4 * standardError + 0.01, "log p(x) = ELBO + KL(q(z|x) ‖ p(z|x))");
    }

    @Test
    void theElboIsMinusTheSeriesLossAveragedOverEpsilon() {
        Vae lesson = Pretrained.lesson();
        INDArray images = Mnist.test().images(0, 3);
        LogLikelihood.Samples samples = new LogLikelihood(lesson).sample(images, 50, new Random(5));
        INDArray epsilon = lesson.epsilon(150, new Random(5));                // the same draws: image after image
        for (int i = 0; i < 3; i++) {
            int[] rows = new int[50];
            Arrays.fill(rows, i);
            INDArray eps = epsilon.get(NDArrayIndex.interval(50 * i, 50 * i + 50), NDArrayIndex.all());
            double meanLoss = lesson.forward(Nd4j.pullRows(images, 1, rows), eps).loss();   // the batch mean of reconstruction + KL
            assertEquals(-meanLoss, samples.elbo()[i], 1e-4 * Math.abs(meanLoss), "image " + i);
        }
    }

    @Test
    void theLogDensitiesOfEachDrawAreTheGaussiansWrittenOut() {
        LogLikelihood.Samples s = twoDLikelihood.sample(three, 3, new Random(8));
        INDArray epsilon = twoD.epsilon(3, new Random(8));
        Encoded q = twoD.encode(three);
        for (int d = 0; d < 3; d++) {
            double pz = 1, qz = 1;
            for (int j = 0; j < 2; j++) {
                double mu = q.mu().getDouble(0, j), sigma = q.sigma().getDouble(0, j), z = mu + sigma * epsilon.getDouble(d, j);
                pz *= HandMaths.density(z, 0, 1);
                qz *= HandMaths.density(z, mu, sigma);
            }
            assertEquals(Math.log(pz), s.logPz()[0][d], 1e-5);
            assertEquals(Math.log(qz), s.logQzGivenX()[0][d], 1e-5);
        }
    }

    @Test
    void logSumExpIsTheNaiveSumWhereThatIsSafe() {
        Random random = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            double[] terms = new double[1 + random.nextInt(20)];
            double naive = 0;
            for (int i = 0; i < terms.length; i++) { terms[i] = 10 * random.nextDouble() - 5; naive += Math.exp(terms[i]); }
            assertEquals(Math.log(naive), LogLikelihood.logSumExp(terms), 1e-12);
            assertEquals(Math.log(naive / terms.length), LogLikelihood.logMeanExp(terms), 1e-12);
        }
    }

    @Test
    void logSumExpKeepsHugeAndTinyTermsWhereTheNaiveSumFails() {
        assertEquals(Double.POSITIVE_INFINITY, Math.log(Math.exp(1000) + Math.exp(1000)));        // the naive sum overflows
        assertEquals(1000 + Math.log(2), LogLikelihood.logSumExp(1000, 1000), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Math.log(Math.exp(-1000) + Math.exp(-1001)));      // and underflows to log 0
        assertEquals(-1000 + Math.log1p(Math.exp(-1)), LogLikelihood.logSumExp(-1000, -1001), 1e-12);
        assertEquals(-240.5, LogLikelihood.logSumExp(-240.5, Double.NEGATIVE_INFINITY), 1e-12);    // a zero weight adds nothing
        assertEquals(Double.NEGATIVE_INFINITY, LogLikelihood.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals(7.0, LogLikelihood.logSumExp(7.0), 0);
        assertEquals(-1000 + Math.log1p(Math.exp(-1)) - Math.log(2), LogLikelihood.logMeanExp(-1000, -1001), 1e-12);
    }

    @Test
    void badInputGetsAMessageThatSaysWhatToDo() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, LogLikelihood::logSumExp);
        assertTrue(none.getMessage().contains("at least one term"), none.getMessage());
        IllegalArgumentException groups = assertThrows(IllegalArgumentException.class, () -> LogLikelihood.meanOfGroups(new double[10], 3));
        assertTrue(groups.getMessage().contains("groups of 3"), groups.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> twoDLikelihood.sample(three, 0, new Random(1)));
        assertTrue(k.getMessage().contains("k is 0"), k.getMessage());
        IllegalArgumentException tenD = assertThrows(IllegalArgumentException.class,
                () -> new LogLikelihood(Vae.untrained()).grid(three, -1, 1, -1, 1, 10));
        assertTrue(tenD.getMessage().contains("10 dimensions") && tenD.getMessage().contains("latent2d"), tenD.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> twoDLikelihood.grid(Mnist.test().images(0, 2), -1, 1, -1, 1, 10));
        assertTrue(two.getMessage().contains("2 rows"), two.getMessage());
    }
}
