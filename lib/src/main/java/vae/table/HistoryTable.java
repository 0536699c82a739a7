package vae.table;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import vae.model.GraphNames;
import vae.plot.TrainingPlots;
import vae.train.History;
import vae.Language;

/**
 * One row per epoch: train and test losses, and the epoch's time; epoch 0, where the history has one, holds the
 * losses before training (its seconds are the time it took to measure them). The numbers keep every digit; they
 * print with 4 significant digits. Column names use the lesson's words in the reader's language ("train KL",
 * "test reconstruction loss"; {@link #trainColumn}, {@link #testColumn} give them).
 */
public final class HistoryTable {
    private HistoryTable() {}

    public static Table of(History history) {
        String epoch = Language.text("label.epoch"), seconds = Language.text("label.seconds");
        Table table = Table.create(Language.text("label.trainingHistory"), IntColumn.create(epoch));
        List<String> losses = GraphNames.LOSSES;
        for (String l : losses) table.addColumns(DoubleColumn.create(trainColumn(l)));
        boolean hasTest = history.size() > 0 && !history.epochs().get(0).test().isEmpty();
        if (hasTest) for (String l : losses) table.addColumns(DoubleColumn.create(testColumn(l)));
        table.addColumns(DoubleColumn.create(seconds));
        NumberColumnFormatter fourDigits = new NumberColumnFormatter() {
            @Override public String format(double value) { return String.format(Locale.ROOT, "%.4g", value); }
        };
        for (int c = 1; c < table.columnCount(); c++) table.doubleColumn(c).setPrintFormatter(fourDigits);
        for (History.Epoch e : history.epochs()) {
            table.intColumn(epoch).append(e.number());
            for (String l : losses) table.doubleColumn(trainColumn(l)).append(e.train().get(l));
            if (hasTest) for (String l : losses) table.doubleColumn(testColumn(l)).append(e.test().get(l));
            table.doubleColumn(seconds).append(e.seconds());
        }
        return table;
    }

    /** The column of a loss ("loss", "reconstructionLoss", "kl") on the training images, in the lesson's words: "train KL". */
    public static String trainColumn(String loss) { return Language.text("label.train", TrainingPlots.lossName(loss)); }

    /** The column of a loss on the test images, in the lesson's words: "test reconstruction loss". */
    public static String testColumn(String loss) { return Language.text("label.test", TrainingPlots.lossName(loss)); }
}
