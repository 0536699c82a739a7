package vae.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vae.Language;
import vae.model.LogLikelihood;

/** Pictures of notebook 13: where the posterior p(z|x) lies against q(z|x), and how the bound rises with k. */
public final class LogLikelihoodPlots {
    private LogLikelihoodPlots() {}

    /** Ten colours, one per digit (matplotlib's tab10). */
    static final Color[] DIGIT_COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    /**
     * {@code count} points drawn from the posterior p(z|x) of a grid (each grid point with its probability, placed at its
     * centre) beside {@code count} draws from q(z|x) = N(μ, σ²), on equal axes: how well the encoder's Gaussian covers
     * the posterior it stands in for.
     */
    public static XYChart posteriorAgainstQ(LogLikelihood.Grid grid, double[] mu, double[] sigma, int count, Random random) {
        int n1 = grid.z1().length, n2 = grid.z2().length;
        double logEvidence = grid.logEvidence();
        double[] cumulative = new double[n1 * n2];
        double total = 0;
        for (int i = 0; i < n1; i++) for (int j = 0; j < n2; j++) {
            total += Math.exp(grid.logJoint()[i][j] - logEvidence) * grid.cellArea();
            cumulative[i * n2 + j] = total;
        }
        double[] p1 = new double[count], p2 = new double[count], q1 = new double[count], q2 = new double[count];
        for (int s = 0; s < count; s++) {
            double u = random.nextDouble() * total;
            int at = java.util.Arrays.binarySearch(cumulative, u);
            if (at < 0) at = Math.min(-at - 1, cumulative.length - 1);
            p1[s] = grid.z1()[at / n2];
            p2[s] = grid.z2()[at % n2];
        }
        for (int s = 0; s < count; s++) {
            q1[s] = mu[0] + sigma[0] * random.nextGaussian();
            q2[s] = mu[1] + sigma[1] * random.nextGaussian();
        }
        double lo1 = grid.z1()[0], hi1 = grid.z1()[n1 - 1], lo2 = grid.z2()[0], hi2 = grid.z2()[n2 - 1];
        double half = Math.max(hi1 - lo1, hi2 - lo2) / 2, c1 = (lo1 + hi1) / 2, c2 = (lo2 + hi2) / 2;
        XYChart chart = new XYChartBuilder().width(440).height(440).title(Language.text("label.posteriorAgainstQ"))
                .xAxisTitle("z₁").yAxisTitle("z₂").build();
        chart.getStyler().setXAxisMin(c1 - half).setXAxisMax(c1 + half).setYAxisMin(c2 - half).setYAxisMax(c2 + half);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.addSeries(Language.text("label.posteriorDraws"), p1, p2).setMarkerColor(new Color(70, 110, 200, 110));
        chart.addSeries(Language.text("label.qDraws"), q1, q2).setMarkerColor(new Color(230, 110, 10, 110));
        return chart;
    }

    /**
     * The mean of log p̂(x) − ELBO over the images of each digit, against the number of draws k (a logarithmic axis),
     * one line per digit: 0 on average at k = 1, rising with k.
     *
     * @param bounds bounds[a][i]: the estimate of image i with ks[a] draws
     */
    public static XYChart gapAgainstK(int[] ks, int[] labels, double[][] bounds, double[] elbo) {
        XYChart chart = new XYChartBuilder().width(560).height(360).title(Language.text("label.gapAgainstK"))
                .xAxisTitle(Language.text("label.drawsK")).yAxisTitle(Language.text("label.natsPerImage")).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        double lowest = 0;
        double[] x = new double[ks.length];
        for (int a = 0; a < ks.length; a++) x[a] = ks[a];
        for (int digit = 0; digit < 10; digit++) {
            double[] gap = new double[ks.length];
            int count = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != digit) continue;
                count++;
                for (int a = 0; a < ks.length; a++) gap[a] += bounds[a][i] - elbo[i];
            }
            if (count == 0) continue;
            for (int a = 0; a < ks.length; a++) { gap[a] /= count; lowest = Math.min(lowest, gap[a]); }
            XYSeries series = chart.addSeries(String.valueOf(digit), x, gap);
            series.setLineColor(DIGIT_COLOURS[digit]);
            series.setMarkerColor(DIGIT_COLOURS[digit]);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(new BasicStroke(1.8f));
        }
        chart.getStyler().setYAxisMin(Math.floor(lowest));   // 0 on the axis: where the gap starts at k = 1
        return chart;
    }
}
