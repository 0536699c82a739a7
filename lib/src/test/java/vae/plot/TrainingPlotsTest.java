package vae.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import vae.data.Mnist;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.table.HistoryTable;
import vae.train.History;
import vae.train.Trainer;
import vae.train.TrainingConfig;

class TrainingPlotsTest {
    static History withZero, withoutZero, collapsed;

    @BeforeAll
    static void train() {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(64);
        var train = Mnist.train().images(0, 256);
        var test = Mnist.test().images(0, 64);
        withZero = new Trainer(Vae.untrained(), config).measureEpochZero().fit(train, test);
        withoutZero = new Trainer(Vae.untrained(), config).fit(train, test);
        collapsed = new Trainer(new Vae(VaeConfig.lesson().withBeta(50)), config).measureEpochZero().fit(train, test);
    }

    @Test
    void lossCurvesStartAtEpochZeroWhenThereIsOne() {
        XYChart curves = TrainingPlots.lossCurves(withZero);
        assertEquals(6, curves.getSeriesCollection().size());
        assertArrayEquals(new double[] {0, 1, 2}, curves.getSeries("train total loss").getXData(), 0);
        assertArrayEquals(withZero.test("kl"), curves.getSeries("test KL").getYData(), 0);
        assertArrayEquals(new double[] {1, 2}, TrainingPlots.lossCurves(withoutZero).getSeries("train KL").getXData(), 0);
    }

    @Test
    void eachLossHasItsOwnColourAndTestIsDashed() {
        XYChart curves = TrainingPlots.lossCurves(withZero);
        assertEquals(TrainingPlots.COLOURS.get("kl"), curves.getSeries("train KL").getLineColor());
        assertEquals(TrainingPlots.COLOURS.get("kl"), curves.getSeries("test KL").getLineColor());
        assertEquals(TrainingPlots.COLOURS.get("reconstructionLoss"), curves.getSeries("test reconstruction loss").getLineColor());
        assertEquals(3, TrainingPlots.COLOURS.values().stream().distinct().count());
        assertTrue(curves.getSeries("test KL").getLineStyle().getDashArray() != null);
        assertTrue(curves.getSeries("train KL").getLineStyle().getDashArray() == null);
    }

    @Test
    void klAndReconstructionCurvesOnTheirOwn() {
        XYChart kl = TrainingPlots.klCurves(withZero);
        assertEquals(2, kl.getSeriesCollection().size());
        assertArrayEquals(withZero.train("kl"), kl.getSeries("train KL").getYData(), 0);
        assertEquals("KL per image", kl.getTitle());
        XYChart reconstruction = TrainingPlots.reconstructionCurves(withZero);
        assertArrayEquals(withZero.test("reconstructionLoss"), reconstruction.getSeries("test reconstruction loss").getYData(), 0);
    }

    @Test
    void compareDrawsOneColourPerRun() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("β = 1", withZero);
        runs.put("β = 50", collapsed);
        XYChart kl = TrainingPlots.compare("KL per β", runs, "kl", TrainingPlots.Option.TRAIN_CURVES, TrainingPlots.Option.LOG_AXIS);
        assertEquals(4, kl.getSeriesCollection().size());
        assertArrayEquals(collapsed.test("kl"), kl.getSeries("β = 50, test").getYData(), 0);
        assertArrayEquals(collapsed.train("kl"), kl.getSeries("β = 50, train").getYData(), 0);
        assertEquals(kl.getSeries("β = 1, test").getLineColor(), kl.getSeries("β = 1, train").getLineColor());
        assertFalse(kl.getSeries("β = 1, test").getLineColor().equals(kl.getSeries("β = 50, test").getLineColor()));
        assertTrue(kl.getStyler().isYAxisLogarithmic());
        assertFalse(TrainingPlots.compare("r", runs, "reconstructionLoss").getStyler().isYAxisLogarithmic());
        assertEquals(2, TrainingPlots.compare("r", runs, "reconstructionLoss").getSeriesCollection().size());
        assertThrows(IllegalArgumentException.class, () -> TrainingPlots.compare("x", runs, "elbo"));
        assertThrows(IllegalArgumentException.class, () -> TrainingPlots.compare("x", Map.of(), "kl"));
    }

    @Test
    void historyTableHasEpochZeroAndPrintsFourDigits() {
        var table = HistoryTable.of(withZero);
        assertEquals(3, table.rowCount());
        assertEquals(0, table.intColumn("epoch").get(0));
        assertEquals(withZero.train("loss")[0], table.doubleColumn("train total loss").get(0), 0, "the values keep every digit");
        String printed = table.doubleColumn("train total loss").getString(0);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4g", withZero.train("loss")[0]), printed);
        assertFalse(table.print().matches("(?s).*\\d\\.\\d{6,}.*"), "no long decimals in " + table.print());
    }

    @Test
    void legendsAndAxesSayTheLessonsWordsAndStartAtZero() {
        XYChart curves = TrainingPlots.lossCurves(withZero);
        for (String name : curves.getSeriesCollection().stream().map(org.knowm.xchart.XYSeries::getName).toList()) {
            assertFalse(name.contains("reconstructionLoss") || name.contains(" kl"), "a code name in the legend: " + name);
        }
        assertEquals("epoch", curves.getXAxisTitle());
        assertEquals(0.0, curves.getStyler().getYAxisMin(), "a loss axis has its 0 tick");
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("β = 1", withZero);
        XYChart r = TrainingPlots.compare("r", runs, "reconstructionLoss");
        assertEquals("reconstruction loss (nats per image)", r.getYAxisTitle());
        assertEquals(0.0, r.getStyler().getYAxisMin());
        assertEquals("train KL", HistoryTable.trainColumn("kl"));
        vae.Language.use("vi");
        try {
            XYChart vi = TrainingPlots.lossCurves(withZero);
            assertEquals("mất mát tái tạo (kiểm tra)", vi.getSeries("mất mát tái tạo (kiểm tra)").getName());
            assertTrue(HistoryTable.of(withZero).columnNames().contains("KL (huấn luyện)"));
        } finally {
            vae.Language.reset();
        }
    }

    @Test
    void historyPrintsFourSignificantDigits() {
        String printed = withZero.toString();
        assertFalse(printed.matches("(?s).*\\d\\.\\d{6,}.*"), printed);
        assertTrue(printed.contains(String.format(java.util.Locale.ROOT, "loss=%.4g", withZero.train("loss")[0])), printed);
    }
}
