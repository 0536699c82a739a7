package vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;
import vae.data.Mnist;
import vae.model.AggregatePosterior;
import vae.model.ForwardPass;
import vae.model.Vae;
import vae.plot.AggregatePlots;
import vae.plot.EstimatorPlots;
import vae.plot.GaussianPlots;
import vae.plot.KlPlots;
import vae.plot.LatentPlots;
import vae.plot.TrainingPlots;
import vae.table.ColumnKey;
import vae.table.HistoryTable;
import vae.table.LatentTable;
import vae.table.LogLikelihoodTable;
import vae.table.SampleTable;
import vae.table.ShapeTable;
import vae.train.History;
import vae.train.TerminalProgressBar;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * What the library prints or draws for the learner (tables' column names, charts' titles, axes and legends, the
 * progress line, History's and the digit sets' text) speaks the language in use: no English word of the lesson
 * under {@code Language.use("vi")} (issue 22 §2), and the English words under "en".
 */
class OutputsSpeakTheLanguageTest {
    /** English words a Vietnamese reader must not meet; "KL" stays (the Vietnamese edition says "KL" too), "kl" the code name does not. */
    static final Pattern ENGLISH = Pattern.compile("(?i:\\b(dimension|images?|samples?|sample mean|sample std|value|shape|train|test|"
            + "loss|total loss|seconds|reconstructionLoss|reconstruction|interrupted|epochs|first|digit|density|draws?)\\b)|\\bkl\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    static History history;

    @BeforeAll
    static void train() {
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withBatchSize(64);
        history = new Trainer(Vae.untrained(), config).measureEpochZero().fit(Mnist.train().images(0, 128), Mnist.test().images(0, 64));
    }

    @AfterEach
    void english() { Language.reset(); }

    /** Every text a learner reads, made in the language in use, named by where it comes from. */
    static Map<String, String> outputs() {
        Map<String, String> out = new LinkedHashMap<>();
        Vae vae = Vae.untrained();
        ForwardPass one = vae.forward(Mnist.train().firstImageOfDigit(3), new Random(2)), three = vae.forward(Mnist.train().batch(0, 1, 2), new Random(2));
        out.put("LatentTable.of, one image", headers(LatentTable.of(one)));
        out.put("LatentTable.of, three images", headers(LatentTable.of(three)));
        out.put("LatentTable.columns", headers(LatentTable.columns("μ", new double[] {1, 2})));
        out.put("SampleTable", headers(SampleTable.of(new double[][] {{1, 2, 3}}, new double[] {2}, new double[] {1})));
        out.put("ShapeTable (columns)", headers(ShapeTable.of(three)));
        out.put("HistoryTable", headers(HistoryTable.of(history)));
        out.put("LogLikelihoodTable", headers(LogLikelihoodTable.byDigit(new int[] {3, 7}, new double[] {-100, -110}, new double[] {-95, -104}, 10)));
        out.put("TrainingPlots.lossCurves", texts(TrainingPlots.lossCurves(history)));
        out.put("TrainingPlots.klCurves", texts(TrainingPlots.klCurves(history)));
        out.put("TrainingPlots.reconstructionCurves", texts(TrainingPlots.reconstructionCurves(history)));
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("β = 0.0", history);
        runs.put("β = 1.0", history);
        for (String loss : new String[] {"loss", "reconstructionLoss", "kl"}) {
            out.put("TrainingPlots.compare " + loss, texts(TrainingPlots.compare("β", runs, loss, TrainingPlots.Option.TRAIN_CURVES)));
        }
        out.put("GaussianPlots.histogramWithDensity", texts(GaussianPlots.histogramWithDensity("z₁", new double[] {0.1, -0.3, 1.2, 0.5}, 0, 1, 4)));
        out.put("GaussianPlots.sigmaAgainstLogVar", texts(GaussianPlots.sigmaAgainstLogVar(new double[] {-4, 0, 2}, new double[] {0.135, 1, 2.72})));
        out.put("GaussianPlots.scatterWithBox", texts(GaussianPlots.scatterWithBox("μ", Map.of("β = 0", new double[][] {{0, 1}, {1, 0}}), 3)));
        out.put("KlPlots", texts(KlPlots.againstMu(new double[] {-1, 0, 1}, new double[] {0.5, 0, 0.5}))
                + texts(KlPlots.againstLogSigma(new double[] {0.5, 1, 2}, new double[] {0.3, 0, 0.8})));
        out.put("EstimatorPlots", texts(EstimatorPlots.pathwiseAgainstScoreFunction(new double[] {1, 1.1}, new double[] {0.5, 1.8}, 1, 10, 0.25)));
        out.put("LatentPlots.scatterByDigit", texts(LatentPlots.scatterByDigit(Nd4j.create(new double[][] {{0, 1}, {1, 0}}), new int[] {3, 7})));
        AggregatePosterior q = AggregatePosterior.of(new double[][] {{-1.5, 0.5}, {1.0, 1.2}}, new double[][] {{0.3, 0.2}, {0.25, 0.15}});
        out.put("AggregatePlots.holes", texts(AggregatePlots.holes(q, Nd4j.create(new double[][] {{1.0, 1.2}, {-1.0, -1.0}}), 0.1)));
        out.put("AggregatePlots.histogramAgainstPrior", texts(AggregatePlots.histogramAgainstPrior("z₁", new double[] {0.1, 0.4, -0.2}, true)));
        out.put("TerminalProgressBar.render", TerminalProgressBar.render(2, 5, 35, 71, 143.2));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new TerminalProgressBar(new PrintStream(printed, true, StandardCharsets.UTF_8)).onEpoch(history.last());
        out.put("TerminalProgressBar.onEpoch", printed.toString(StandardCharsets.UTF_8));
        out.put("History.toString", history.toString());
        out.put("Mnist.train()", Mnist.train().toString());
        out.put("Mnist.test()", Mnist.test().toString());
        out.put("Mnist.train().first(100)", Mnist.train().first(100).toString());
        return out;
    }

    @Test
    void noEnglishWordUnderVietnamese() {
        Language.use("vi");
        List<String> english = new ArrayList<>();
        outputs().forEach((where, text) -> {
            Matcher m = ENGLISH.matcher(text);
            while (m.find()) english.add(where + ": \"" + m.group() + "\" in " + text);
        });
        assertTrue(english.isEmpty(), "English under Language.use(\"vi\"):\n" + String.join("\n", english));
    }

    @Test
    void vietnameseWordsWhereTheEnglishWereUnderVietnamese() {
        Language.use("vi");
        Map<String, String> out = outputs();
        assertTrue(out.get("LatentTable.of, three images").startsWith("ảnh | chiều | μ"), out.get("LatentTable.of, three images"));
        assertEquals("chiều | số mẫu | μ | trung bình mẫu | σ | độ lệch chuẩn mẫu", out.get("SampleTable"));
        assertEquals("giá trị | kích thước", out.get("ShapeTable (columns)"));
        assertTrue(out.get("HistoryTable").contains("mất mát tái tạo (huấn luyện)") && out.get("HistoryTable").contains("KL (kiểm tra)"), out.get("HistoryTable"));
        assertEquals("epoch 2/5 [###############---------------] batch 35/71 mất mát 143.20", out.get("TerminalProgressBar.render"));
        assertTrue(out.get("History.toString").startsWith("History(1 epoch và epoch 0)"), out.get("History.toString"));
        assertTrue(out.get("History.toString").contains("epoch 1: huấn luyện {mất mát="), out.get("History.toString"));
        assertTrue(out.get("History.toString").contains(", mất mát tái tạo=") && out.get("History.toString").contains(", KL="), out.get("History.toString"));
        assertTrue(out.get("Mnist.train()").startsWith("tập huấn luyện: 9000 ảnh"), out.get("Mnist.train()"));
        assertTrue(out.get("Mnist.train().first(100)").startsWith("tập huấn luyện (100 ảnh đầu): 100 ảnh"), out.get("Mnist.train().first(100)"));
        // Cells look a column up by its key, in either language.
        Table samples = SampleTable.of(new double[][] {{1, 2, 3}}, new double[] {2}, new double[] {1});
        assertEquals(2.0, samples.doubleColumn(ColumnKey.SAMPLE_MEAN.label()).get(0), 1e-12);
    }

    @Test
    void theEnglishWordsUnderEnglish() {
        Map<String, String> out = outputs();
        assertTrue(out.get("LatentTable.of, three images").startsWith("image | dimension | μ"), out.get("LatentTable.of, three images"));
        assertEquals("dimension | samples | μ | sample mean | σ | sample std", out.get("SampleTable"));
        assertEquals("value | shape", out.get("ShapeTable (columns)"));
        assertTrue(out.get("HistoryTable").contains("train reconstruction loss") && out.get("HistoryTable").contains("seconds"), out.get("HistoryTable"));
        assertTrue(out.get("TrainingPlots.compare kl").contains("β = 0.0, test") && out.get("TrainingPlots.compare kl").contains("KL (nats per image)"),
                out.get("TrainingPlots.compare kl"));
        assertEquals("epoch 2/5 [###############---------------] batch 35/71 loss 143.20", out.get("TerminalProgressBar.render"));
        assertTrue(out.get("History.toString").startsWith("History(1 epoch and epoch 0)"), out.get("History.toString"));
        assertTrue(out.get("History.toString").contains("epoch 1: train {loss="), out.get("History.toString"));
        assertTrue(out.get("Mnist.train()").startsWith("train: 9000 images"), out.get("Mnist.train()"));
        assertTrue(out.get("Mnist.train().first(100)").startsWith("train (first 100): 100 images"), out.get("Mnist.train().first(100)"));
        assertTrue(out.get("GaussianPlots.histogramWithDensity").contains("4 samples"), out.get("GaussianPlots.histogramWithDensity"));
        assertFalse(out.values().stream().anyMatch(t -> t.contains("reconstructionLoss (")), "no code name on a chart's axis");
    }

    static String headers(Table table) {
        return String.join(" | ", table.columnNames());
    }

    /** The chart's title, axis titles and legend entries, one per line. */
    static String texts(XYChart chart) {
        List<String> texts = new ArrayList<>(List.of(chart.getTitle(), chart.getXAxisTitle(), chart.getYAxisTitle()));
        for (XYSeries s : chart.getSeriesCollection()) texts.add(s.getName());
        return String.join("\n", texts) + "\n";
    }
}
