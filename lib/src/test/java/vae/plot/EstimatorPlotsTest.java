package vae.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import vae.Language;

class EstimatorPlotsTest {

    /** f(z) = z², z ~ N(0.5, 1): pathwise terms 2z, score-function terms z²·(z − μ)/σ²; both average to 2μ = 1. */
    private static double[][] estimates(int n) {
        Random random = new Random(7);
        double[] pathwise = new double[n], scoreFunction = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0.5 + random.nextGaussian();
            pathwise[i] = 2 * z;
            scoreFunction[i] = z * z * (z - 0.5);
        }
        return new double[][] {pathwise, scoreFunction};
    }

    @Test
    void everyDrawLandsInOneBinOfTheSameWidthForBothEstimators() {
        double[][] e = estimates(2000);
        XYChart chart = EstimatorPlots.pathwiseAgainstScoreFunction(e[0], e[1], 1.0, 1, 0.5);
        for (String key : new String[] {"label.pathwise", "label.scoreFunction"}) {
            XYSeries bars = chart.getSeries(Language.text(key));
            double[] x = bars.getXData(), y = bars.getYData();
            double total = 0;
            for (int b = 0; b < x.length; b += 4) {
                assertEquals(0.5, x[b + 2] - x[b + 1], 1e-12, "every bin is as wide as asked");
                assertEquals(0, Math.IEEEremainder(x[b], 0.5), 1e-9, "bin edges on whole multiples of the width");
                total += y[b + 1];
            }
            assertEquals(2000, total, 0, key + ": each draw counted once");
            for (int i = 1; i < x.length; i++) assertTrue(x[i] >= x[i - 1], "the outline runs left to right");
            assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, bars.getXYSeriesRenderStyle().orElseThrow(), "filled, with a box in the legend");
        }
        assertArrayEquals(chart.getSeries(Language.text("label.pathwise")).getXData(),
                chart.getSeries(Language.text("label.scoreFunction")).getXData(), "both histograms share their bins");
        assertTrue(Png.bytes(chart).length > 1000, "the chart renders");
    }

    @Test
    void theTrueGradientIsAVerticalLineFromZeroAboveTheTallestBar() {
        double[][] e = estimates(500);
        XYChart chart = EstimatorPlots.pathwiseAgainstScoreFunction(e[0], e[1], 1.0, 1, 1.0);
        XYSeries line = chart.getSeries(Language.text("label.trueGradient", "1"));
        assertArrayEquals(new double[] {1, 1}, line.getXData());
        assertEquals(0, line.getYData()[0]);
        double tallest = 0;
        for (String key : new String[] {"label.pathwise", "label.scoreFunction"})
            for (double c : chart.getSeries(Language.text(key)).getYData()) tallest = Math.max(tallest, c);
        assertTrue(line.getYData()[1] > tallest);
        assertEquals(0.0, chart.getStyler().getYAxisMin(), "counts start at 0");
    }

    @Test
    void numbersInTitlesAndLegendsAreWrittenPlainly() {
        assertEquals("0.02", EstimatorPlots.plain(0.02));
        assertEquals("1", EstimatorPlots.plain(1.0));
        assertEquals("0.1362", EstimatorPlots.plain(0.136236));
        assertEquals("-2.5", EstimatorPlots.plain(-2.5));
    }

    @Test
    void countsPutEdgesInTheBinTheyOpen() {
        // bins [−1, 0), [0, 1), [1, 2): 0 and 1 open the second and third bins, 1.999 closes the third
        assertArrayEquals(new double[] {1, 2, 2}, EstimatorPlots.counts(new double[] {-0.5, 0, 0.5, 1, 1.999}, -1, 1, 3));
    }

    @Test
    void emptySamplesOrAZeroWidthAreRefusedSayingWhy() {
        var empty = assertThrows(IllegalArgumentException.class,
                () -> EstimatorPlots.histograms("t", "x", Map.of("a", new double[0]), 0, "m", 1));
        assertTrue(empty.getMessage().contains("\"a\""), empty.getMessage());
        var width = assertThrows(IllegalArgumentException.class,
                () -> EstimatorPlots.histograms("t", "x", Map.of("a", new double[] {1}), 0, "m", 0));
        assertTrue(width.getMessage().contains("binWidth is 0.0"), width.getMessage());
    }
}
