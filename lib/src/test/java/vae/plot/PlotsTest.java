package vae.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import vae.data.Mnist;
import vae.maths.HandMaths;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.Trainer;
import vae.train.TrainingConfig;

class PlotsTest {
    @TempDir Path dir;

    @Test
    void histogramAreaIsOneAndItsCurveIsTheDensity() {
        Random random = new Random(1);
        double[] samples = new double[5000];
        for (int i = 0; i < samples.length; i++) samples[i] = 3 + 0.5 * random.nextGaussian();
        XYChart chart = GaussianPlots.histogramWithDensity("z₂", samples, 3, 0.5, 40);
        double[] x = chart.getSeries("5,000 samples").getXData(), y = chart.getSeries("5,000 samples").getYData();
        assertEquals(org.knowm.xchart.internal.chartpart.RenderableSeries.LegendRenderType.Box, chart.getSeries("5,000 samples").getLegendRenderType(),
                "bars whose legend entry is a filled box, not a line");
        double area = 0;
        for (int b = 0; b < x.length; b += 4) area += (x[b + 2] - x[b + 1]) * y[b + 1];
        assertEquals(1.0, area, 1e-9, "the bars are scaled as a density");
        double[] cx = chart.getSeries("N(3, 0.5²)").getXData(), cy = chart.getSeries("N(3, 0.5²)").getYData();
        assertEquals(HandMaths.density(cx[77], 3, 0.5), cy[77], 1e-12);
        for (int i = 1; i < x.length; i++) assertTrue(x[i] >= x[i - 1], "XChart draws areas only over ascending x");
        assertTrue(Png.bytes(chart).length > 1000, "the chart renders");
    }

    @Test
    void sigmaAgainstLogVarMarksSigmaZeroAndSigmaOneAtLogVarZero() {
        double[] logVar = {-8, -4, 0, 4};
        XYChart chart = GaussianPlots.sigmaAgainstLogVar(logVar, HandMaths.sigma(logVar));
        assertEquals(0, chart.getSeries("σ = 0, never reached").getYData()[1], 0);
        assertEquals(1, chart.getSeries("at logvar = 0, σ = 1").getYData()[0], 0);
        assertEquals(-8, chart.getStyler().getXAxisMin(), 0);
        assertTrue(chart.getStyler().getYAxisMin() < 0, "σ's axis shows its 0 tick with the σ = 0 line above the frame");
        assertTrue(Png.bytes(chart).length > 1000, "the chart renders");
        assertEquals("0.219", GaussianPlots.short3(0.21861));
        assertEquals("2", GaussianPlots.short3(2.0));
    }

    @Test
    void chartsAndGridsSaveAsPng() throws Exception {
        Path chart = Png.save(GaussianPlots.scatter("z", new double[] {1, 2}, new double[] {3, 4}), dir.resolve("scatter.png"));
        assertEquals(420, ImageIO.read(chart.toFile()).getWidth());
        BufferedImage grid = ImageGrid.originalsAboveReconstructions(Mnist.train().batch(0, 1, 2), Mnist.train().batch(3, 4, 5));
        assertEquals(2 + 3 * 58, ImageGrid.of(Mnist.train().batch(0, 1, 2), 3).getWidth());
        assertEquals(2 + 2 * 58, grid.getHeight());
        assertTrue(Files.size(Png.save(grid, dir.resolve("grid.png"))) > 100);
    }

    @Test
    void manifoldLossCurvesAndLatentScatter() {
        Vae vae = new Vae(VaeConfig.lesson().withLatentSize(2));
        var history = new Trainer(vae, TrainingConfig.defaults().withEpochs(2)).fit(Mnist.train().images(0, 256), Mnist.test().images(0, 64));
        XYChart curves = TrainingPlots.lossCurves(history);
        assertEquals(6, curves.getSeriesCollection().size());
        assertEquals(history.test("kl")[1], curves.getSeries("test KL").getYData()[1], 0);
        BufferedImage manifold = ImageGrid.manifold(vae, 5, 2);
        assertTrue(manifold.getWidth() > 2 + 5 * 58, "the grid and a margin for the z₂ axis");
        XYChart scatter = LatentPlots.scatterByDigit(vae.encode(Mnist.test().images(0, 100)).mu(), Mnist.test().first(100).labels());
        int points = scatter.getSeriesCollection().stream().filter(s -> !s.getName().equals("digit")).mapToInt(s -> s.getXData().length).sum();
        assertEquals(100, points, "one point per image; the legend's heading \"digit\" is an entry without a marker");
        scatter.paint(new BufferedImage(scatter.getWidth(), scatter.getHeight(), BufferedImage.TYPE_INT_RGB).createGraphics(), scatter.getWidth(), scatter.getHeight());
        double across = scatter.getScreenXFromChart(1) - scatter.getScreenXFromChart(0), up = scatter.getScreenYFromChart(0) - scatter.getScreenYFromChart(1);
        assertEquals(across, up, 1.5, "a unit is as long across as up");
    }
}
