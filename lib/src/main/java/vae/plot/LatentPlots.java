package vae.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/** Where the encoder puts the digits in latent space. */
public final class LatentPlots {
    private static final Color[] DIGIT_COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private LatentPlots() {}

    /** μ of each image ([n, 2] or the first two columns of [n, d]) as a point, coloured by its digit. */
    public static XYChart scatterByDigit(INDArray mu, int[] labels) {
        return scatterByDigit(Language.text("label.muByDigit"), "μ₁", "μ₂", mu, labels);
    }

    /** The same with your own title and axis names, e.g. for sampled z instead of μ. */
    public static XYChart scatterByDigit(String title, String xAxis, String yAxis, INDArray mu, int[] labels) {
        if (mu.rows() != labels.length) {
            throw new IllegalArgumentException("mu has " + mu.rows() + " rows but there are " + labels.length + " labels: give one label per image");
        }
        if (mu.columns() < 2) throw new IllegalArgumentException("mu has " + mu.columns() + " column; a scatter needs 2");
        XYChart chart = new XYChartBuilder().width(520).height(480).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        for (int digit = 0; digit < 10; digit++) {
            int count = 0;
            for (int l : labels) if (l == digit) count++;
            if (count == 0) continue;
            double[] x = new double[count], y = new double[count];
            for (int i = 0, k = 0; i < labels.length; i++) {
                if (labels[i] != digit) continue;
                x[k] = mu.getDouble(i, 0);
                y[k++] = mu.getDouble(i, 1);
            }
            chart.addSeries(String.valueOf(digit), x, y).setMarkerColor(DIGIT_COLOURS[digit]);
        }
        return chart;
    }
}
