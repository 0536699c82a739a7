package vae.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.factory.Nd4j;
import vae.model.AggregatePosterior;

class AggregatePlotsTest {
    static final AggregatePosterior Q = AggregatePosterior.of(new double[][] {{-1.5, 0.5}, {0.2, -2.0}, {1.0, 1.2}},
            new double[][] {{0.3, 0.2}, {0.1, 0.4}, {0.25, 0.15}});

    @Test
    void histogramsPutOnePanelPerDimensionFiveToARow() {
        BufferedImage two = AggregatePlots.histogramsAgainstPrior(Q.sample(500, new Random(1)));
        assertEquals(2 * 260, two.getWidth());
        assertEquals(200, two.getHeight());
        BufferedImage ten = AggregatePlots.histogramsAgainstPrior(Nd4j.randn(new Random(2).nextLong(), new long[] {300, 10}));
        assertEquals(5 * 260, ten.getWidth());
        assertEquals(2 * 200, ten.getHeight());
    }

    @Test
    void holesSplitThePriorDrawsByTheRatioOfTheDensities() {
        // One draw sits on a component's μ (q much larger than p there), one far from all three (q ≈ 0 but p is not).
        XYChart chart = AggregatePlots.holes(Q, Nd4j.create(new double[][] {{1.0, 1.2}, {-1.0, -1.0}}), 0.1);
        assertEquals(3, chart.getSeriesCollection().size(), "the codes, the covered draws, the draws in holes");
        var hole = chart.getSeriesCollection().stream().filter(s -> s.getName().contains("q(z) < 0.1·p(z)")).findFirst().orElseThrow();
        var covered = chart.getSeriesCollection().stream().filter(s -> s.getName().contains("q(z) ≥ 0.1·p(z)")).findFirst().orElseThrow();
        assertEquals(-1.0, hole.getXData()[0], 0.0);
        assertEquals(1.0, covered.getXData()[0], 0.0);
    }

    @Test
    void holesNeedATwoDimensionalLatentSpace() {
        AggregatePosterior tenD = AggregatePosterior.of(new double[1][10], new double[][] {{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AggregatePlots.holes(tenD, Nd4j.zeros(3, 10), 0.1));
        assertTrue(e.getMessage().contains("2-D"), e.getMessage());
    }
}
