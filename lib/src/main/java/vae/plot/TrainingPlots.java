package vae.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import vae.model.GraphNames;
import vae.train.History;
import vae.Language;

/**
 * Loss curves of a training run, and of several runs side by side. Each loss keeps one colour (total dark grey,
 * reconstruction blue, KL orange); training is solid, test dashed. An epoch 0, measured before training
 * ({@code Trainer.measureEpochZero}), is drawn at x = 0. Legends and axes use the lesson's words in the reader's
 * language ("reconstruction loss", "KL", "train", "test": {@link #lossName}), never the code's names; a linear loss
 * axis starts at its 0 tick, since every loss here is ≥ 0.
 */
public final class TrainingPlots {
    private TrainingPlots() {}

    /** The colour of each loss in every chart of this class. */
    public static final Map<String, Color> COLOURS = Map.of(
            GraphNames.LOSS, new Color(60, 60, 60), GraphNames.RECONSTRUCTION_LOSS, new Color(31, 119, 180), GraphNames.KL, new Color(230, 110, 10));

    /** Colours for runs told apart in {@link #compare}: blue, orange, green, red, purple, brown, then round again. */
    static final List<Color> RUN_COLOURS = List.of(new Color(31, 119, 180), new Color(230, 110, 10), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75));

    /** The lesson's name of a loss in the reader's language: "total loss", "reconstruction loss", "KL". */
    public static String lossName(String loss) {
        if (!COLOURS.containsKey(loss)) throw new IllegalArgumentException(Language.text("error.plot.noLoss", loss));
        return Language.text("label.lossName." + loss);
    }

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);

    /** Total, reconstruction and KL loss per epoch, on the training images and (dashed) on the test images. */
    public static XYChart lossCurves(History history) {
        return curves(history, Language.text("label.lossPerImage"), GraphNames.LOSS, GraphNames.RECONSTRUCTION_LOSS, GraphNames.KL);
    }

    /**
     * The KL alone, per epoch, training and (dashed) test: it is about a hundredth of the reconstruction, so in
     * {@link #lossCurves} it is a line along the bottom.
     */
    public static XYChart klCurves(History history) {
        return curves(history, Language.text("label.klPerImage"), GraphNames.KL);
    }

    /** The reconstruction loss alone, per epoch, training and (dashed) test. */
    public static XYChart reconstructionCurves(History history) {
        return curves(history, Language.text("label.reconstructionPerImage"), GraphNames.RECONSTRUCTION_LOSS);
    }

    /** What {@link #compare(String, Map, String, Option...)} may draw besides each run's test curve on a linear axis from 0. */
    public enum Option {
        /** Each run's training values too, dashed in the run's colour. */
        TRAIN_CURVES,
        /**
         * A logarithmic loss axis, for values that span orders of magnitude (e.g. the KL of β = 0, 1 and 50); it falls
         * back to linear when a value is ≤ 0.
         */
        LOG_AXIS
    }

    /**
     * One loss of several runs over the epochs, one colour per run (in the map's order), test values solid (training
     * values where a run has no test set), e.g. {@code compare("KL per β", byBeta, "kl", Option.LOG_AXIS)}.
     *
     * @param loss "loss", "reconstructionLoss" or "kl"
     * @param options {@link Option#TRAIN_CURVES}, {@link Option#LOG_AXIS}, both or none
     */
    public static XYChart compare(String title, Map<String, History> runs, String loss, Option... options) {
        List<Option> chosen = List.of(options);
        boolean withTrain = chosen.contains(Option.TRAIN_CURVES), logarithmic = chosen.contains(Option.LOG_AXIS);
        if (runs.isEmpty()) throw new IllegalArgumentException(Language.text("error.plot.noRuns"));
        XYChart chart = new XYChartBuilder().width(560).height(340).title(title).xAxisTitle(Language.text("label.epoch"))
                .yAxisTitle(Language.text("label.natsPerImageOf", lossName(loss))).build();
        boolean allPositive = true;
        int i = 0;
        for (Map.Entry<String, History> run : runs.entrySet()) {
            History history = run.getValue();
            if (history.size() == 0) throw new IllegalArgumentException(Language.text("error.plot.runNoEpochs", run.getKey()));
            Color colour = RUN_COLOURS.get(i++ % RUN_COLOURS.size());
            double[] epochs = history.epochNumbers(), test = history.test(loss);
            boolean hasTest = !Double.isNaN(test[0]);
            double[] shown = hasTest ? test : history.train(loss);
            allPositive &= Arrays.stream(shown).allMatch(v -> v > 0);
            style(chart.addSeries(Language.text(hasTest ? "label.runTest" : "label.runTrain", run.getKey()), epochs, shown), colour, SOLID);
            if (withTrain && hasTest) {
                double[] train = history.train(loss);
                allPositive &= Arrays.stream(train).allMatch(v -> v > 0);
                style(chart.addSeries(Language.text("label.runTrain", run.getKey()), epochs, train), colour, DASHED);
            }
        }
        if (logarithmic && allPositive) chart.getStyler().setYAxisLogarithmic(true);
        else chart.getStyler().setYAxisMin(0.0);
        epochTicks(chart, runs.values().stream().mapToInt(History::size).max().orElse(1));
        return chart;
    }

    /** @deprecated two bare booleans said nothing at the call: {@link #compare(String, Map, String, Option...)}. */
    @Deprecated
    public static XYChart compare(String title, Map<String, History> runs, String loss, boolean withTrain, boolean logarithmic) {
        List<Option> options = new ArrayList<>();
        if (withTrain) options.add(Option.TRAIN_CURVES);
        if (logarithmic) options.add(Option.LOG_AXIS);
        return compare(title, runs, loss, options.toArray(Option[]::new));
    }

    private static XYChart curves(History history, String title, String... losses) {
        if (history.size() == 0) throw new IllegalArgumentException(Language.text("error.plot.historyNoEpochs"));
        double[] epochs = history.epochNumbers();
        XYChart chart = new XYChartBuilder().width(560).height(340).title(title).xAxisTitle(Language.text("label.epoch"))
                .yAxisTitle(Language.text("label.natsPerImage")).build();
        for (String loss : losses) {
            Color colour = COLOURS.get(loss);
            style(chart.addSeries(Language.text("label.train", lossName(loss)), epochs, history.train(loss)), colour, SOLID);
            double[] test = history.test(loss);
            if (!Double.isNaN(test[0])) style(chart.addSeries(Language.text("label.test", lossName(loss)), epochs, test), colour, DASHED);
        }
        chart.getStyler().setYAxisMin(0.0);
        epochTicks(chart, history.size());
        return chart;
    }

    /** Whole epochs on the x axis (no 0.5 epoch ticks): "0" as the pattern, one tick per epoch up to 10 records. */
    private static void epochTicks(XYChart chart, int records) {
        chart.getStyler().setXAxisDecimalPattern("0");
        if (records <= 11) chart.getStyler().setXAxisMaxLabelCount(records);
    }

    private static void style(XYSeries series, Color colour, BasicStroke stroke) {
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(stroke);
    }
}
