package vae.maths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vae.model.ReparameterizationGraph;

class KlDivergenceTest {
    @Test
    void klIsZeroWhenMuIsZeroAndLogVarIsZero() {
        assertEquals(0.0, HandMaths.kl(new double[] {0, 0, 0}, new double[] {0, 0, 0}), 0.0);
        assertArrayEquals(new double[] {0, 0}, new ReparameterizationGraph(new double[] {0, 0}, new double[] {0, 0}).run(new double[] {0.3, -1}).klPerDimension(), 0.0);
    }

    @Test
    void klPerDimensionOfTheWorkedExample() {
        // ½(0.25 + e^0.1 − 0.1 − 1), ½(0.04 + e^0.3 − 0.3 − 1), ½(0.09 + e^−0.1 + 0.1 − 1)
        double[] expected = {0.5 * (0.25 + 1.1051709 - 1.1), 0.5 * (0.04 + 1.3498588 - 1.3), 0.5 * (0.09 + 0.9048374 - 0.9)};
        assertArrayEquals(expected, HandMaths.klPerDimension(WorkedExampleTest.MU, WorkedExampleTest.LOG_VAR), 1e-7);
        ReparameterizationGraph graph = new ReparameterizationGraph(WorkedExampleTest.MU, WorkedExampleTest.LOG_VAR);
        assertArrayEquals(expected, graph.run(WorkedExampleTest.EPSILON).klPerDimension(), 1e-7);
    }

    @Test
    void monteCarloEstimateConvergesToClosedForm() {
        double[] mu = {0.5, -0.2, 0.3}, logVar = {0.1, 0.3, -0.1};
        double exact = HandMaths.kl(mu, logVar);
        double coarse = Math.abs(HandMaths.klMonteCarlo(mu, logVar, 1_000, 7) - exact);
        double fine = Math.abs(HandMaths.klMonteCarlo(mu, logVar, 400_000, 7) - exact);
        assertTrue(fine < 0.005, "400k samples should be within 0.005 of " + exact + " but are off by " + fine);
        assertTrue(fine < coarse, "more samples should come closer: " + fine + " vs " + coarse);
    }

    @Test
    void densityIntegratesToOneAndPeaksAtMu() {
        double sum = 0, dx = 1e-3;
        for (double x = -10; x < 10; x += dx) sum += HandMaths.density(x, 2, 0.5) * dx;
        assertEquals(1.0, sum, 1e-6);
        assertEquals(1 / (0.5 * Math.sqrt(2 * Math.PI)), HandMaths.density(2, 2, 0.5), 1e-12);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandMaths.z(new double[2], new double[2], new double[3]));
        assertTrue(e.getMessage().contains("epsilon has 3 entries but mu has 2"), e.getMessage());
    }
}
