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
        var train = Mnist.train().range(0, 256);
        var test = Mnist.test().range(0, 64);
        withZero = new Trainer(Vae.lesson(), config).measureBeforeTraining(true).fit(train, test);
        withoutZero = new Trainer(Vae.lesson(), config).fit(train, test);
        collapsed = new Trainer(new Vae(VaeConfig.lesson().withBeta(50)), config).measureBeforeTraining(true).fit(train, test);
    }

    @Test
    void lossCurvesStartAtEpochZeroWhenThereIsOne() {
        XYChart curves = TrainingPlots.lossCurves(withZero);
        assertEquals(6, curves.getSeriesCollection().size());
        assertArrayEquals(new double[] {0, 1, 2}, curves.getSeries("train loss").getXData(), 0);
        assertArrayEquals(withZero.test("kl"), curves.getSeries("test kl").getYData(), 0);
        assertArrayEquals(new double[] {1, 2}, TrainingPlots.lossCurves(withoutZero).getSeries("train kl").getXData(), 0);
    }

    @Test
    void eachLossHasItsOwnColourAndTestIsDashed() {
        XYChart curves = TrainingPlots.lossCurves(withZero);
        assertEquals(TrainingPlots.COLOURS.get("kl"), curves.getSeries("train kl").getLineColor());
        assertEquals(TrainingPlots.COLOURS.get("kl"), curves.getSeries("test kl").getLineColor());
        assertEquals(TrainingPlots.COLOURS.get("reconstructionLoss"), curves.getSeries("test reconstructionLoss").getLineColor());
        assertEquals(3, TrainingPlots.COLOURS.values().stream().distinct().count());
        assertTrue(curves.getSeries("test kl").getLineStyle().getDashArray() != null);
        assertTrue(curves.getSeries("train kl").getLineStyle().getDashArray() == null);
    }

    @Test
    void klAndReconstructionCurvesOnTheirOwn() {
        XYChart kl = TrainingPlots.klCurves(withZero);
        assertEquals(2, kl.getSeriesCollection().size());
        assertArrayEquals(withZero.train("kl"), kl.getSeries("train kl").getYData(), 0);
        assertEquals("KL per image", kl.getTitle());
        XYChart reconstruction = TrainingPlots.reconstructionCurves(withZero);
        assertArrayEquals(withZero.test("reconstructionLoss"), reconstruction.getSeries("test reconstructionLoss").getYData(), 0);
    }

    @Test
    void compareDrawsOneColourPerRun() {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("β = 1", withZero);
        runs.put("β = 50", collapsed);
        XYChart kl = TrainingPlots.compare("KL per β", runs, "kl", true, true);
        assertEquals(4, kl.getSeriesCollection().size());
        assertArrayEquals(collapsed.test("kl"), kl.getSeries("β = 50 test").getYData(), 0);
        assertArrayEquals(collapsed.train("kl"), kl.getSeries("β = 50 train").getYData(), 0);
        assertEquals(kl.getSeries("β = 1 test").getLineColor(), kl.getSeries("β = 1 train").getLineColor());
        assertFalse(kl.getSeries("β = 1 test").getLineColor().equals(kl.getSeries("β = 50 test").getLineColor()));
        assertTrue(kl.getStyler().isYAxisLogarithmic());
        assertFalse(TrainingPlots.compare("r", runs, "reconstructionLoss", false, false).getStyler().isYAxisLogarithmic());
        assertEquals(2, TrainingPlots.compare("r", runs, "reconstructionLoss", false, false).getSeriesCollection().size());
        assertThrows(IllegalArgumentException.class, () -> TrainingPlots.compare("x", runs, "elbo", false, false));
        assertThrows(IllegalArgumentException.class, () -> TrainingPlots.compare("x", Map.of(), "kl", false, false));
    }

    @Test
    void historyTableHasEpochZeroAndPrintsFourDigits() {
        var table = HistoryTable.of(withZero);
        assertEquals(3, table.rowCount());
        assertEquals(0, table.intColumn("epoch").get(0));
        assertEquals(withZero.train("loss")[0], table.doubleColumn("train loss").get(0), 0, "the values keep every digit");
        String printed = table.doubleColumn("train loss").getString(0);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4g", withZero.train("loss")[0]), printed);
        assertFalse(table.print().matches("(?s).*\\d\\.\\d{6,}.*"), "no long decimals in " + table.print());
    }
}
