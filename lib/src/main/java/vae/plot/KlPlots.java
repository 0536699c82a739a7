package vae.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vae.Language;

/**
 * The KL of one latent dimension, ½·(μ² + σ² − log σ² − 1), drawn against μ or σ with the prior's value (μ = 0, σ = 1,
 * where the KL is 0) marked by a dashed line and on a tick (Kingma &amp; Welling 2013, Appendix B). Notebook 07.
 */
public final class KlPlots {
    private static final Color CURVE = new Color(50, 90, 220), MARK = new Color(200, 60, 60);

    private KlPlots() {}

    /** KL against μ (σ = 1): round ticks on an axis from a whole number to a whole number, μ = 0 marked, KL from 0. */
    public static XYChart againstMu(double[] mu, double[] kl) {
        XYChart chart = chart(Language.text("label.klAgainstMu"), "μ", 0, mu, kl);
        chart.getStyler().setXAxisMin(Math.floor(min(mu))).setXAxisMax(Math.ceil(max(mu)));
        return chart;
    }

    /** KL against σ (μ = 0) on a plain σ axis that starts at σ = 0 (σ is never below it), σ = 1 marked, KL from 0. */
    public static XYChart againstSigma(double[] sigma, double[] kl) {
        XYChart chart = chart(Language.text("label.klAgainstSigma"), "σ", 1, sigma, kl);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.ceil(max(sigma)));
        return chart;
    }

    /**
     * The same KL against σ on a log scale chosen on purpose: each tick is twice the one before (… ¼, ½, 1, 2, 4), so a
     * factor of σ is one step whichever side of 1 it is on, and σ = ½ lies as far from σ = 1 as σ = 2. σ = 1 marked.
     */
    public static XYChart againstLogSigma(double[] sigma, double[] kl) {
        double[] log2Sigma = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) log2Sigma[i] = Math.log(sigma[i]) / Math.log(2);
        XYChart chart = chart(Language.text("label.klAgainstLogSigma"), Language.text("label.sigmaLogScale"), 0, log2Sigma, kl);
        double lo = Math.floor(min(log2Sigma) + 1e-9), hi = Math.ceil(max(log2Sigma) - 1e-9);
        chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setXAxisTickMarkSpacingHint(30);
        chart.setCustomXAxisTickLabelsFormatter(KlPlots::powerOfTwo);
        return chart;
    }

    /** A tick at log₂ σ = k reads as σ itself: 2^k as a whole number or a fraction 1/2^−k (½ and ¼ as their signs). */
    static String powerOfTwo(double log2) {
        long k = Math.round(log2);
        if (Math.abs(log2 - k) > 1e-6) return "";                 // only whole powers of two carry a label
        if (k >= 0) return String.valueOf(1L << k);
        return k == -1 ? "½" : k == -2 ? "¼" : "1/" + (1L << -k);
    }

    /**
     * The curve with its minimum marked: a dashed vertical line and a dot at KL = 0. The dot is added first: XChart puts
     * the ticks of an axis whose values are equally spaced at data points (−4, −3.3, −2.6 …), and the dot ahead of the
     * grid makes them uneven, so the axis gets round ticks (−4, −2, 0, 2, 4) that include the minimum.
     */
    private static XYChart chart(String title, String xAxis, double minimum, double[] x, double[] kl) {
        XYChart chart = new XYChartBuilder().width(480).height(320).title(title).xAxisTitle(xAxis).yAxisTitle("KL").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.ceil(max(kl)));   // the KL is never below 0: its axis starts there
        chart.getStyler().setAnnotationLineColor(MARK).setAnnotationLineStroke(
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        chart.addAnnotation(new AnnotationLine(minimum, true, false));
        XYSeries dot = chart.addSeries("KL = 0", new double[] {minimum}, new double[] {0});
        dot.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dot.setMarker(SeriesMarkers.CIRCLE);
        dot.setMarkerColor(MARK);
        XYSeries curve = chart.addSeries("KL", x, kl);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineStyle(new BasicStroke(2.5f));
        curve.setLineColor(CURVE);
        return chart;
    }

    private static double min(double[] v) { double m = Double.POSITIVE_INFINITY; for (double d : v) m = Math.min(m, d); return m; }
    private static double max(double[] v) { double m = Double.NEGATIVE_INFINITY; for (double d : v) m = Math.max(m, d); return m; }
}
