package vae.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vae.Language;

/**
 * Several sets of estimates of one quantity as histograms on one axis, on the same bins, with the true value marked:
 * the pathwise (reparameterization) estimates of a gradient against the score-function (REINFORCE) ones (Kingma &amp;
 * Welling 2013, section 2.4; Williams 1992). Notebook 08.
 */
public final class EstimatorPlots {
    private static final List<Color> FILLS = List.of(new Color(70, 110, 200), new Color(230, 140, 30), new Color(60, 160, 90));
    private static final Color MARK = new Color(200, 40, 40);

    private EstimatorPlots() {}

    /**
     * Repeated estimates of the same gradient both ways, each an average over {@code drawsEach} draws, on bins
     * {@code binWidth} wide over the range of both, the true gradient {@code exact} as a dashed vertical line: where each
     * histogram is centred says whether the estimator is biased, its width how far one estimate can be trusted.
     */
    public static XYChart pathwiseAgainstScoreFunction(double[] pathwise, double[] scoreFunction, double exact, int drawsEach, double binWidth) {
        Map<String, double[]> estimates = new LinkedHashMap<>();
        estimates.put(Language.text("label.pathwise"), pathwise);
        estimates.put(Language.text("label.scoreFunction"), scoreFunction);
        return histograms(Language.text("label.estimatesTitle", pathwise.length, drawsEach), Language.text("label.estimate"), estimates,
                exact, Language.text("label.trueGradient", plain(exact)), binWidth);
    }

    /**
     * Each named set of samples as a histogram (counts per bin, the bars drawn as a translucent stepped polygon, so that
     * the legend shows a filled box, not a line), all on
     * the same bins, {@code binWidth} wide with edges on whole multiples of it (round numbers for a round width), and a
     * dashed vertical line at {@code mark}. The counts' axis starts at 0.
     */
    public static XYChart histograms(String title, String xAxis, Map<String, double[]> samples, double mark, String markLabel, double binWidth) {
        if (samples.isEmpty()) throw new IllegalArgumentException(Language.text("error.plot.emptyMap"));
        if (!(binWidth > 0)) throw new IllegalArgumentException(Language.text("error.plot.binWidth", binWidth));
        double lo = mark, hi = mark;
        for (Map.Entry<String, double[]> set : samples.entrySet()) {
            if (set.getValue().length == 0) throw new IllegalArgumentException(Language.text("error.plot.emptySamplesFor", set.getKey()));
            for (double s : set.getValue()) { lo = Math.min(lo, s); hi = Math.max(hi, s); }
        }
        double width = binWidth;
        lo = Math.floor(lo / width) * width;
        int bins = (int) Math.floor((hi - lo) / width) + 1;     // the largest sample falls inside the last bin
        XYChart chart = new XYChartBuilder().width(640).height(360).title(title).xAxisTitle(xAxis)
                .yAxisTitle(Language.text("label.estimatesPerBin", plain(width))).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        double tick = 10 * width;                                  // the axis from and to whole multiples of ten bins: round ticks
        chart.getStyler().setXAxisMin(Math.floor(lo / tick + 1e-9) * tick).setXAxisMax(Math.ceil((lo + bins * width) / tick - 1e-9) * tick);
        double highest = 0;
        int i = 0;
        for (Map.Entry<String, double[]> set : samples.entrySet()) {
            double[] counts = counts(set.getValue(), lo, width, bins);
            for (double c : counts) highest = Math.max(highest, c);
            double[][] outline = outline(counts, lo, width);
            XYSeries bars = chart.addSeries(set.getKey(), outline[0], outline[1]);
            Color color = FILLS.get(i++ % FILLS.size());
            bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);   // its legend entry is a box
            bars.setMarker(SeriesMarkers.NONE);
            bars.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
            bars.setLineColor(color);
            bars.setLineStyle(new BasicStroke(1.2f));
        }
        XYSeries line = chart.addSeries(markLabel, new double[] {mark, mark}, new double[] {0, highest * 1.05});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(MARK);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        return chart;
    }

    /** A number as a reader writes it: 4 significant digits at most, no trailing zeros (0.02, 1, 0.1362). */
    static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** How many samples fall in each bin [lo + b·width, lo + (b+1)·width). */
    static double[] counts(double[] samples, double lo, double width, int bins) {
        double[] counts = new double[bins];
        for (double s : samples) counts[Math.max(0, Math.min(bins - 1, (int) Math.floor((s - lo) / width)))]++;
        return counts;
    }

    /** Bars as a stepped outline x0,0 → x0,h → x1,h → x1,0 …, closed along y = 0, both edges from lo so the x ascend. */
    private static double[][] outline(double[] counts, double lo, double width) {
        int bins = counts.length;
        double[] x = new double[4 * bins], y = new double[4 * bins];
        for (int b = 0; b < bins; b++) {
            double x0 = lo + b * width, x1 = lo + (b + 1) * width;
            x[4 * b] = x0; x[4 * b + 1] = x0; x[4 * b + 2] = x1; x[4 * b + 3] = x1;
            y[4 * b + 1] = counts[b]; y[4 * b + 2] = counts[b];
        }
        return new double[][] {x, y};
    }
}
