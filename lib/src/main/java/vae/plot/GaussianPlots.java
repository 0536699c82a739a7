package vae.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vae.maths.HandMaths;
import vae.Language;

/** Sampled z against the Gaussian N(μ, σ²) it was drawn from. */
public final class GaussianPlots {
    private static final Color MARK = new Color(200, 60, 60);

    private GaussianPlots() {}

    /**
     * A histogram of {@code samples}, scaled as a density (area 1), with the curve N(μ, σ²) drawn over it:
     * the bars follow the curve when the samples really come from that Gaussian.
     */
    public static XYChart histogramWithDensity(String title, double[] samples, double mu, double sigma, int bins) {
        if (samples.length == 0) throw new IllegalArgumentException(Language.text("error.plot.noSamples"));
        double lo = Math.min(min(samples), mu - 4 * sigma), hi = Math.max(max(samples), mu + 4 * sigma);
        double width = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double s : samples) counts[Math.min(bins - 1, (int) ((s - lo) / width))]++;
        // Bars as a stepped outline: x0,0 → x0,h → x1,h → x1,0 …
        double[] bx = new double[4 * bins], by = new double[4 * bins];
        for (int b = 0; b < bins; b++) {
            // Both edges from lo, so bar b's right edge is exactly bar b+1's left edge (XChart needs ascending x for areas).
            double h = counts[b] / (samples.length * width), x0 = lo + b * width, x1 = lo + (b + 1) * width;
            bx[4 * b] = x0; by[4 * b] = 0; bx[4 * b + 1] = x0; by[4 * b + 1] = h;
            bx[4 * b + 2] = x1; by[4 * b + 2] = h; bx[4 * b + 3] = x1; by[4 * b + 3] = 0;
        }
        int points = 200;
        double[] cx = new double[points], cy = new double[points];
        for (int i = 0; i < points; i++) {
            cx[i] = lo + (hi - lo) * i / (points - 1);
            cy[i] = HandMaths.density(cx[i], mu, sigma);
        }
        XYChart chart = new XYChartBuilder().width(520).height(340).title(title).xAxisTitle("z").yAxisTitle(Language.text("label.density")).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("0.##");       // a density starts at 0: "0", "0.05", not ".05"
        XYSeries bars = chart.addSeries(Language.text("label.samplesCount", count(samples.length)), bx, by);
        // PolygonArea, not Area: the outline closes on the axis all the same, and the legend shows a filled box (a bar), not a line.
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(new Color(100, 149, 237, 120));
        bars.setLineColor(new Color(70, 110, 200));
        XYSeries curve = chart.addSeries(String.format("N(%s, %s²)", short3(mu), short3(sigma)), cx, cy);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(Color.RED);
        curve.setLineStyle(new BasicStroke(2.5f));
        return chart;
    }

    /** A 2-D scatter of samples (z₁ across, z₂ up). */
    public static XYChart scatter(String title, double[] z1, double[] z2) {
        return scatter(title, z1, z2, false);
    }

    /** The same; with {@code equalAxes} one unit is as long across as up, so a round cloud looks round. */
    public static XYChart scatter(String title, double[] z1, double[] z2, boolean equalAxes) {
        XYChart chart = new XYChartBuilder().width(420).height(420).title(title).xAxisTitle("z₁").yAxisTitle("z₂").build();
        if (equalAxes && z1.length > 0) {
            double lo = Math.min(min(z1), min(z2)), hi = Math.max(max(z1), max(z2));
            chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);
        }
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("z", z1, z2).setMarkerColor(new Color(70, 110, 200, 90));
        return chart;
    }

    /**
     * Several 2-D clouds in one chart (z₁ across, z₂ up; e.g. the μ's of two models), one colour each and a legend, on
     * equal axes symmetric about 0 that hold every point, with the square [−box, box]² dashed (e.g. ±3, where nearly
     * all of N(0, I)'s draws fall), so that clouds of different spread compare on one scale. Notebook 10.
     */
    public static XYChart scatterWithBox(String title, java.util.Map<String, double[][]> clouds, double box) {
        double reach = box;
        for (double[][] c : clouds.values()) reach = Math.max(reach, Math.max(Math.max(max(c[0]), -min(c[0])), Math.max(max(c[1]), -min(c[1]))));
        double edge = Math.ceil(reach * 1.05);
        XYChart chart = new XYChartBuilder().width(460).height(560).title(title).xAxisTitle("z₁").yAxisTitle("z₂").build();
        chart.getStyler().setXAxisMin(-edge).setXAxisMax(edge).setYAxisMin(-edge).setYAxisMax(edge).setMarkerSize(3);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);   // the plot keeps the full width: a square
        Color[] colours = {new Color(230, 110, 10, 110), new Color(31, 119, 180, 110), new Color(44, 160, 44, 110)};
        int i = 0;
        for (var c : clouds.entrySet()) {
            XYSeries cloud = chart.addSeries(c.getKey(), c.getValue()[0], c.getValue()[1]);
            cloud.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            cloud.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colours[i++ % colours.length]);
        }
        String b = box == Math.rint(box) ? String.valueOf((long) box) : String.valueOf(box);
        XYSeries square = chart.addSeries(Language.text("label.priorBox", b), new double[] {-box, box, box, -box, -box}, new double[] {-box, -box, box, box, -box});
        square.setMarker(SeriesMarkers.NONE).setLineColor(MARK)
                .setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        return chart;
    }

    /** A simple line chart, e.g. the KL against μ. */
    public static XYChart line(String title, String xAxis, String yAxis, double[] x, double[] y) {
        XYChart chart = new XYChartBuilder().width(480).height(320).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(yAxis, x, y).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * σ = exp(½·logvar) against logvar, for notebook 03: the σ = 0 line drawn (dashed) and the curve always above it,
     * logvar = 0 marked where σ = 1; round ticks on both axes, and σ's axis has its 0 tick. The logvar values should
     * run from a whole number to a whole number.
     */
    public static XYChart sigmaAgainstLogVar(double[] logVar, double[] sigma) {
        if (logVar.length == 0 || logVar.length != sigma.length) {
            throw new IllegalArgumentException(Language.text("error.plot.sigmaPerLogVar", logVar.length, sigma.length));
        }
        double lo = Math.floor(min(logVar)), hi = Math.ceil(max(logVar)), top = Math.ceil(max(sigma));
        XYChart chart = new XYChartBuilder().width(480).height(320).title(Language.text("label.sigmaAgainstLogVar"))
                .xAxisTitle("logvar").yAxisTitle("σ").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        // The σ axis starts a little below 0, so the σ = 0 line stands clear of the frame with its own 0 tick.
        chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(-top / 8).setYAxisMax(top)
                .setXAxisDecimalPattern("0").setYAxisDecimalPattern("0");
        XYSeries curve = chart.addSeries("σ = exp(½·logvar)", logVar, sigma);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineStyle(new BasicStroke(2.5f));
        curve.setLineColor(new Color(50, 90, 200));
        XYSeries zero = chart.addSeries(Language.text("label.sigmaZeroLine"), new double[] {lo, hi}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(MARK);
        zero.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        // Near the left end the curve looks as if it touched the line; the number says it does not.
        int left = 0;
        for (int i = 1; i < logVar.length; i++) if (logVar[i] < logVar[left]) left = i;
        // XChart centres the text on its x: start it just right of the axis, whatever its length in the reader's language.
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
        String note = Language.text("label.sigmaAtLeft", short3(logVar[left]), short3(sigma[left]));
        int notePixels = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(font).stringWidth(note);
        double unitsPerPixel = (hi - lo) / 400.0;                                  // the plot area is about 400 of the 480 pixels
        chart.addAnnotation(new AnnotationText(note, lo + (notePixels / 2.0 + 6) * unitsPerPixel, top / 7, false));
        chart.getStyler().setAnnotationTextFontColor(MARK).setAnnotationTextFont(font);
        if (lo <= 0 && hi >= 0) {
            XYSeries one = chart.addSeries(Language.text("label.sigmaOneAtZero"), new double[] {0}, new double[] {1});
            one.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            one.setMarker(SeriesMarkers.CIRCLE);
            one.setMarkerColor(Color.BLACK);
        }
        return chart;
    }

    /** A count as the lessons write it: "5,000" in English, "5000" in Vietnamese (no English thousands comma). */
    static String count(int n) {
        return Language.current().equals("en") ? String.format(java.util.Locale.ROOT, "%,d", n) : Integer.toString(n);
    }

    /** Up to three significant digits without trailing zeros: 2 → "2", 0.5 → "0.5", 0.21861 → "0.219". */
    static String short3(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static double min(double[] v) { double m = Double.POSITIVE_INFINITY; for (double d : v) m = Math.min(m, d); return m; }
    private static double max(double[] v) { double m = Double.NEGATIVE_INFINITY; for (double d : v) m = Math.max(m, d); return m; }
}
