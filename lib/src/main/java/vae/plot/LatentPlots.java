package vae.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;

/**
 * Where the encoder puts the digits in latent space. Both axes have the same scale (one unit is as long across as up),
 * so a round cloud looks round and distances read the same in every direction; the legend is headed "digit".
 */
public final class LatentPlots {
    private static final Color[] DIGIT_COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};
    /** A shape as well as a colour per digit (7, 8, 9 repeat 0, 1, 2's shapes in other colours), for readers who tell some colours apart badly. */
    private static final Marker[] DIGIT_MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.CROSS,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.PLUS, SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE};
    private static final int WIDTH = 520, HEIGHT = 480;

    private LatentPlots() {}

    /** μ of each image ([n, 2] or the first two columns of [n, d]) as a point, coloured by its digit. */
    public static XYChart scatterByDigit(INDArray mu, int[] labels) {
        return scatterByDigit(Language.text("label.muByDigit"), "μ₁", "μ₂", mu, labels);
    }

    /** The same with your own title and axis names, e.g. for sampled z instead of μ. */
    public static XYChart scatterByDigit(String title, String xAxis, String yAxis, INDArray mu, int[] labels) {
        if (mu.rows() != labels.length) {
            throw new IllegalArgumentException(Language.text("error.plot.scatterLabels", mu.rows(), labels.length));
        }
        if (mu.columns() < 2) throw new IllegalArgumentException(Language.text("error.plot.scatterColumns", mu.columns()));
        List<double[][]> clouds = new ArrayList<>();                 // per digit {x, y}, null where the digit is absent
        double[] xs = new double[labels.length], ys = new double[labels.length];
        for (int digit = 0; digit < 10; digit++) {
            int count = 0;
            for (int l : labels) if (l == digit) count++;
            if (count == 0) { clouds.add(null); continue; }
            double[] x = new double[count], y = new double[count];
            for (int i = 0, k = 0; i < labels.length; i++) {
                if (labels[i] != digit) continue;
                x[k] = mu.getDouble(i, 0);
                y[k++] = mu.getDouble(i, 1);
            }
            clouds.add(new double[][] {x, y});
        }
        for (int i = 0; i < labels.length; i++) { xs[i] = mu.getDouble(i, 0); ys[i] = mu.getDouble(i, 1); }
        double[][] ranges = {roundRange(xs), roundRange(ys)};
        // Draw to learn how many pixels the plot gets inside the title, axes and legend, then widen the axis that has
        // more pixels per unit about its centre until a unit is as long across as up (twice: tick labels may change).
        XYChart chart = build(title, xAxis, yAxis, ranges, clouds);
        for (int round = 0; round < 2; round++) {
            chart.paint(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB).createGraphics(), WIDTH, HEIGHT);
            double plotWidth = chart.getScreenXFromChart(ranges[0][1]) - chart.getScreenXFromChart(ranges[0][0]);
            double plotHeight = chart.getScreenYFromChart(ranges[1][0]) - chart.getScreenYFromChart(ranges[1][1]);
            double unitsPerPixel = Math.max((ranges[0][1] - ranges[0][0]) / plotWidth, (ranges[1][1] - ranges[1][0]) / plotHeight);
            ranges = new double[][] {widened(ranges[0], unitsPerPixel * plotWidth), widened(ranges[1], unitsPerPixel * plotHeight)};
            chart = build(title, xAxis, yAxis, ranges, clouds);
        }
        return chart;
    }

    private static XYChart build(String title, String xAxis, String yAxis, double[][] ranges, List<double[][]> clouds) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setXAxisMin(ranges[0][0]);
        chart.getStyler().setXAxisMax(ranges[0][1]);
        chart.getStyler().setYAxisMin(ranges[1][0]);
        chart.getStyler().setYAxisMax(ranges[1][1]);
        // The legend's heading: an entry with no marker, placed on a point of the data so that it moves no axis.
        double[][] any = clouds.stream().filter(c -> c != null).findFirst().orElseThrow(() -> new IllegalArgumentException(Language.text("error.plot.noDigitLabels")));
        chart.addSeries(Language.text("label.digitLegend"), new double[] {any[0][0]}, new double[] {any[1][0]}).setMarker(SeriesMarkers.NONE);
        for (int digit = 0; digit < 10; digit++) {
            double[][] cloud = clouds.get(digit);
            if (cloud != null) chart.addSeries(String.valueOf(digit), cloud[0], cloud[1]).setMarkerColor(DIGIT_COLOURS[digit]).setMarker(DIGIT_MARKERS[digit]);
        }
        return chart;
    }

    /** From the smallest to the largest value, widened to multiples of a round step (1, 2 or 5 times a power of 10). */
    static double[] roundRange(double[] values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double span = Math.max(hi - lo, 1e-3);
        lo -= 0.02 * span;                                              // no point on the frame
        hi += 0.02 * span;
        double step = roundStep(span / 5);
        return new double[] {Math.floor(lo / step) * step, Math.ceil(hi / step) * step};
    }

    /** The range grown about its centre to {@code span} (never shrunk). */
    private static double[] widened(double[] range, double span) {
        double centre = (range[0] + range[1]) / 2, half = Math.max(span, range[1] - range[0]) / 2;
        return new double[] {centre - half, centre + half};
    }

    private static double roundStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5}) if (m * power >= rough) return m * power;
        return 10 * power;
    }
}
