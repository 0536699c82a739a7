package vae.kernel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
    private final Renderers renderers = new Renderers(RenderersTest.class.getClassLoader());

    private static BufferedImage png(Map<String, String> bundle) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(bundle.get("image/png"))));
    }

    @Test
    void chartBecomesAPngOfTheChartsSize() throws Exception {
        XYChart chart = new XYChartBuilder().width(320).height(240).title("loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
        Map<String, String> bundle = renderers.render(chart);
        BufferedImage image = png(bundle);
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
        assertEquals("XYChart \"loss\" 320x240", bundle.get("text/plain"));
    }

    @Test
    void bufferedImageBecomesAPngWithTheSamePixels() throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 2, Color.RED.getRGB());
        BufferedImage back = png(renderers.render(image));
        assertEquals(4, back.getWidth());
        assertEquals(Color.RED.getRGB(), back.getRGB(1, 2));
        assertEquals(Color.BLACK.getRGB(), back.getRGB(0, 0));
    }

    @Test
    void tableBecomesAnEscapedHtmlTableAndText() {
        Table t = Table.create("digits", IntColumn.create("label", 3, 1), StringColumn.create("note", "<b>", "a&b"));
        Map<String, String> bundle = renderers.render(t);
        String html = bundle.get("text/html");
        assertTrue(html.contains("<caption>digits</caption>"), html);
        assertTrue(html.contains("<thead><tr><th>label</th><th>note</th></tr></thead>"), html);
        assertTrue(html.contains("<tr><td>3</td><td>&lt;b&gt;</td></tr>"), html);
        assertTrue(html.contains("<tr><td>1</td><td>a&amp;b</td></tr>"), html);
        assertTrue(html.endsWith("<p>2 rows × 2 columns</p>"), html);
        assertTrue(bundle.get("text/plain").contains("label"), bundle.get("text/plain"));
    }

    @Test
    void longTableShowsHeadAndTail() {
        Table t = Table.create("long", IntColumn.create("i", IntStream.range(0, 30).toArray()),
                DoubleColumn.create("x", IntStream.range(0, 30).mapToDouble(i -> i / 2.0).toArray()));
        String html = renderers.render(t).get("text/html");
        long rows = html.lines().filter(l -> l.startsWith("<tr>")).count();
        assertEquals(TableRenderer.HEAD + TableRenderer.TAIL + 1, rows); // head, one "…" row, tail
        assertTrue(html.contains("<tr><td>9</td>"));
        assertTrue(!html.contains("<tr><td>10</td>") && !html.contains("<tr><td>24</td>"));
        assertTrue(html.contains("<tr><td>25</td>") && html.contains("<tr><td>29</td>"));
        assertTrue(html.contains("30 rows × 2 columns"));
    }

    @Test
    void ndarrayShowsShapeAndValues() {
        Map<String, String> bundle = renderers.render(Nd4j.create(new double[][] {{1, 2}, {3, 4.5}}));
        assertTrue(bundle.get("text/plain").startsWith("INDArray DOUBLE shape [2, 2]\n"), bundle.get("text/plain"));
        assertTrue(bundle.get("text/html").contains("<tr><td>1</td><td>2</td></tr>\n<tr><td>3</td><td>4.500</td></tr>"),
                bundle.get("text/html"));
        Map<String, String> cube = renderers.render(Nd4j.zeros(2, 2, 2));
        assertTrue(cube.get("text/plain").startsWith("INDArray FLOAT shape [2, 2, 2]"), cube.get("text/plain"));
        assertEquals(null, cube.get("text/html")); // 3-D: text only
    }

    @Test
    void anythingElseIsPlainText() {
        assertEquals(Map.of("text/plain", "[1, 2]"), renderers.render(java.util.List.of(1, 2)));
        assertEquals(Map.of("text/plain", "null"), renderers.render(null));
    }

    @Test
    void arraysShowTheirContentsAndLambdasWhatTheyAre() {
        assertEquals("[1.5, -2.0]", renderers.render(new double[] {1.5, -2}).get("text/plain"));
        assertEquals("[[1, 2], [3]]", renderers.render(new int[][] {{1, 2}, {3}}).get("text/plain"));
        java.util.function.DoubleUnaryOperator f = x -> x;
        assertEquals("λ (double) → double (DoubleUnaryOperator)", renderers.render(f).get("text/plain"));
        java.util.function.DoubleBinaryOperator kl = (m, lv) -> 0.5 * (m * m + Math.exp(lv) - lv - 1);
        assertEquals("λ (double, double) → double (DoubleBinaryOperator)", renderers.render(kl).get("text/plain"));
        java.util.Comparator<String> byLength = (a, b) -> a.length() - b.length();   // equals(Object) redeclared: not its method
        assertEquals("λ (Object, Object) → int (Comparator)", renderers.render(byLength).get("text/plain"));
        Runnable nothing = () -> {};
        assertEquals("λ () → void (Runnable)", renderers.render(nothing).get("text/plain"));
    }

    @Test
    void aChartThatCannotBeDrawnIsReportedNotHidden() {
        // A chart that fails while drawing, as one with bad data does inside XChart.
        org.knowm.xchart.XYChart broken = new org.knowm.xchart.XYChart(200, 100) {
            @Override public void paint(java.awt.Graphics2D g, int width, int height) {
                throw new IllegalStateException("X-Data must be in ascending order");
            }
        };
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        Map<String, String> bundle;
        try {
            bundle = renderers.render(broken);
        } finally {
            System.setErr(old);
        }
        assertEquals(null, bundle.get("image/png"));
        assertTrue(err.toString().startsWith("Could not show the XYChart (ChartRenderer failed: java.lang.IllegalStateException: X-Data must be in ascending order"), err.toString());
    }

    @Test
    void bundleKeysComeInOneOrder() {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(200).height(100).build();
        chart.addSeries("s", new double[] {0, 1}, new double[] {1, 0});
        assertEquals(java.util.List.of("image/png", "text/plain"), java.util.List.copyOf(renderers.render(chart).keySet()));
    }

    @Test
    void builtInRenderersAreFoundWithServiceLoader() {
        assertNotNull(renderers.renderers().stream().filter(r -> r instanceof TableRenderer).findFirst().orElse(null));
        assertEquals(5, renderers.renderers().size());
    }
}
