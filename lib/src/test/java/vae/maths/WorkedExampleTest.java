package vae.maths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vae.model.ReparameterizationGraph;

/** The lesson's worked examples, by hand in doubles and through the SameDiff graph; expected values computed on paper. */
class WorkedExampleTest {
    static final double[] MU = {0.5, -0.2, 0.3}, LOG_VAR = {0.1, 0.3, -0.1}, EPSILON = {0.2, -0.4, 0.1};
    // exp(0.05), exp(0.15), exp(-0.05)
    static final double[] SIGMA = {1.0512711, 1.1618342, 0.9512294};
    // 0.5 + 0.2·1.0512711, −0.2 − 0.4·1.1618342, 0.3 + 0.1·0.9512294
    static final double[] Z = {0.7102542, -0.6647337, 0.3951229};

    @Test
    void sigmaIsExpOfHalfLogVarByHand() {
        assertArrayEquals(SIGMA, HandMaths.sigma(LOG_VAR), 1e-6);
    }

    @Test
    void zEqualsMuPlusSigmaTimesEpsilonByHand() {
        assertArrayEquals(Z, HandMaths.z(MU, HandMaths.sigma(LOG_VAR), EPSILON), 1e-6);
    }

    @Test
    void graphAgreesWithHandMaths() {
        ReparameterizationGraph.Result graph = new ReparameterizationGraph(MU, LOG_VAR).run(EPSILON);
        assertArrayEquals(SIGMA, graph.sigma(), 1e-6);
        assertArrayEquals(Z, graph.z(), 1e-6);
    }

    @Test
    void cuttingSigmaToThreeDecimalsGivesTheCommonHandResult() {
        // σ written down as 1.051, 1.161, 0.951 before multiplying: the z printed in many hand computations.
        double[] z = HandMaths.z(MU, HandMaths.truncate(HandMaths.sigma(LOG_VAR), 3), EPSILON);
        assertArrayEquals(new double[] {0.7102, -0.6644, 0.3951}, z, 1e-9);
        // Rounding instead of cutting gives σ₁ = 1.162 and z₁ = −0.6648: also not the exact −0.66473.
        assertEquals(-0.6648, HandMaths.z(MU, HandMaths.round(HandMaths.sigma(LOG_VAR), 3), EPSILON)[1], 1e-9);
    }

    @Test
    void sigmaGivenDirectly() {
        ReparameterizationGraph g = ReparameterizationGraph.fromSigma(new double[] {1, 2}, new double[] {0.5, 0.1});
        assertArrayEquals(new double[] {1.1, 1.85}, g.run(new double[] {0.2, -1.5}).z(), 1e-12);
        assertArrayEquals(new double[] {1.1, 1.85}, HandMaths.z(new double[] {1, 2}, new double[] {0.5, 0.1}, new double[] {0.2, -1.5}), 1e-12);
    }

    @Test
    void wideAndNarrowGaussian() {
        ReparameterizationGraph g = ReparameterizationGraph.fromSigma(new double[] {2, 3}, new double[] {1, 0.5});
        assertArrayEquals(new double[] {2.5, 2.9}, g.run(new double[] {0.5, -0.2}).z(), 1e-12);
    }

    @Test
    void gradientsOfZAreOneEpsilonAndHalfSigmaEpsilon() {
        ReparameterizationGraph.Gradients g = new ReparameterizationGraph(MU, LOG_VAR).gradients(EPSILON);
        assertArrayEquals(new double[] {1, 1, 1}, g.dzdMu(), 1e-12);
        assertArrayEquals(EPSILON, g.dzdSigma(), 1e-12);
        // ½·σ·ε = 0.5·1.0512711·0.2, 0.5·1.1618342·(−0.4), 0.5·0.9512294·0.1
        assertArrayEquals(new double[] {0.1051271, -0.2323668, 0.0475615}, g.dzdLogVar(), 1e-6);
    }
}
