package vae.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.Language;
import vae.maths.HandMaths;
import vae.model.AggregatePosterior;

/** The aggregate posterior q(z) (all images' Gaussians together) against the prior N(0, I). */
public final class AggregatePlots {
    private static final int PANEL_WIDTH = 260, PANEL_HEIGHT = 200, BINS = 40;
    private static final double RANGE = 4;     // every panel shows z from −4 to 4, so the panels compare at a glance

    private AggregatePlots() {}

    /**
     * One histogram per latent dimension of {@code draws} ([count, latent], e.g. {@link AggregatePosterior#sample}),
     * scaled as a density, under the prior's N(0, 1) curve; the panels side by side, five to a row, on one shared z axis.
     */
    public static BufferedImage histogramsAgainstPrior(INDArray draws) {
        int latent = (int) draws.columns(), columns = Math.min(5, latent), rows = (latent + columns - 1) / columns;
        BufferedImage picture = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        double[][] columnsOfDraws = draws.transpose().toDoubleMatrix();
        for (int j = 0; j < latent; j++) {
            XYChart panel = histogramAgainstPrior("z" + subscript(j + 1), columnsOfDraws[j], j == 0);
            Graphics2D cell = (Graphics2D) g.create((j % columns) * PANEL_WIDTH, (j / columns) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
            panel.paint(cell, PANEL_WIDTH, PANEL_HEIGHT);
            cell.dispose();
        }
        g.dispose();
        return picture;
    }

    /** One dimension's histogram under N(0, 1), with or without the legend. */
    public static XYChart histogramAgainstPrior(String title, double[] samples, boolean legend) {
        if (samples.length == 0) throw new IllegalArgumentException(Language.text("error.plot.noSamples"));
        double width = 2 * RANGE / BINS;
        double[] counts = new double[BINS];
        for (double s : samples) {
            int b = (int) Math.floor((s + RANGE) / width);
            if (b >= 0 && b < BINS) counts[b]++;                        // a draw beyond ±4 counts in the area, not in a bar
        }
        double[] bx = new double[4 * BINS], by = new double[4 * BINS];  // bars as a stepped outline: x0,0 → x0,h → x1,h → x1,0
        for (int b = 0; b < BINS; b++) {
            double h = counts[b] / (samples.length * width), x0 = -RANGE + b * width, x1 = -RANGE + (b + 1) * width;
            bx[4 * b] = x0; by[4 * b] = 0; bx[4 * b + 1] = x0; by[4 * b + 1] = h;
            bx[4 * b + 2] = x1; by[4 * b + 2] = h; bx[4 * b + 3] = x1; by[4 * b + 3] = 0;
        }
        double[] cx = new double[181], cy = new double[181];
        for (int i = 0; i < cx.length; i++) {
            cx[i] = -RANGE + 2 * RANGE * i / (cx.length - 1);
            cy[i] = HandMaths.density(cx[i], 0, 1);
        }
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle(title)
                .yAxisTitle(Language.text("label.density")).build();
        XYStyler style = chart.getStyler();
        style.setLegendVisible(legend);
        style.setLegendPosition(Styler.LegendPosition.InsideNW);
        style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        style.setChartTitleVisible(false);
        style.setXAxisMin(-RANGE);
        style.setXAxisMax(RANGE);
        style.setYAxisMin(0.0);
        style.setYAxisMax(0.7);                                    // room for the legend above the curve's peak (0.4)
        style.setXAxisDecimalPattern("0");
        style.setXAxisTickMarkSpacingHint(35);                     // ticks at −4, −2, 0, 2, 4
        style.setYAxisDecimalPattern("0.0");
        XYSeries bars = chart.addSeries(Language.text("label.aggregateDraws"), bx, by);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);   // the legend shows a filled box, as GaussianPlots does
        bars.setMarker(SeriesMarkers.NONE);
        bars.setFillColor(new Color(100, 149, 237, 120));
        bars.setLineColor(new Color(70, 110, 200));
        XYSeries curve = chart.addSeries(Language.text("label.priorDensity"), cx, cy);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(Color.RED);
        curve.setLineStyle(new BasicStroke(2f));
        return chart;
    }

    /**
     * Draws from the prior in the plane ([count, 2]), red where the aggregate's density there is below {@code ratio}
     * times the prior's (q(z) &lt; ratio·p(z): a hole, the prior draws there but no training code lies near), blue
     * elsewhere; the codes μ of the images behind {@code q} in grey underneath. The plot area is about square, so one unit
     * is about as long across as up.
     */
    public static XYChart holes(AggregatePosterior q, INDArray priorDraws, double ratio) {
        if (q.latentSize() != 2 || priorDraws.columns() != 2) {
            throw new IllegalArgumentException(Language.text("error.plot.holesNot2d", q.latentSize(), priorDraws.columns()));
        }
        double[] qz = q.density(priorDraws), pz = AggregatePosterior.priorDensity(priorDraws);
        double[][] z = priorDraws.toDoubleMatrix(), mu = q.mu();
        int holes = 0;
        for (int k = 0; k < z.length; k++) if (qz[k] < ratio * pz[k]) holes++;
        double[] hx = new double[holes], hy = new double[holes], fx = new double[z.length - holes], fy = new double[z.length - holes];
        for (int k = 0, h = 0, f = 0; k < z.length; k++) {
            if (qz[k] < ratio * pz[k]) { hx[h] = z[k][0]; hy[h++] = z[k][1]; } else { fx[f] = z[k][0]; fy[f++] = z[k][1]; }
        }
        double[] mx = new double[mu.length], my = new double[mu.length];
        for (int i = 0; i < mu.length; i++) { mx[i] = mu[i][0]; my[i] = mu[i][1]; }
        XYChart chart = new XYChartBuilder().width(520).height(610).title(Language.text("label.holesTitle"))
                .xAxisTitle("z₁").yAxisTitle("z₂").build();
        XYStyler style = chart.getStyler();
        style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        style.setMarkerSize(5);
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setXAxisMin(-5.0);
        style.setXAxisMax(5.0);
        style.setYAxisMin(-5.0);
        style.setYAxisMax(5.0);
        style.setXAxisDecimalPattern("0");
        style.setYAxisDecimalPattern("0");
        chart.addSeries(Language.text("label.codesMu"), mx, my).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(160, 160, 160, 110));
        String share = new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(ratio);   // 0.1, not 0.10
        if (fx.length > 0) chart.addSeries(Language.text("label.priorDrawCovered", share), fx, fy).setMarker(SeriesMarkers.CIRCLE)
                .setMarkerColor(new Color(40, 90, 200));
        if (hx.length > 0) chart.addSeries(Language.text("label.priorDrawHole", share), hx, hy).setMarker(SeriesMarkers.DIAMOND)
                .setMarkerColor(new Color(215, 40, 40));
        return chart;
    }

    private static String subscript(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) s.append((char) ('₀' + (c - '0')));
        return s.toString();
    }
}
