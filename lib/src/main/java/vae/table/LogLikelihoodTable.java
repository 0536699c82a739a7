package vae.table;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import vae.Language;

/**
 * The ELBO and the importance-sampled log p̂(x) of a set of images, averaged per digit, and the gap between them in
 * nats per image (notebook 13). The numbers keep every digit; they print with 4 significant digits.
 */
public final class LogLikelihoodTable {
    private LogLikelihoodTable() {}

    /**
     * One row per digit that occurs in {@code labels}, then a row for all images: how many images, their mean ELBO, their
     * mean log p̂(x) from {@code k} draws, and the mean gap log p̂(x) − ELBO.
     */
    public static Table byDigit(int[] labels, double[] elbo, double[] logPx, int k) {
        if (labels.length != elbo.length || labels.length != logPx.length) {
            throw new IllegalArgumentException(Language.text("error.table.logLikelihoodLengths", labels.length, elbo.length, logPx.length));
        }
        String elboName = Language.text("label.elbo"), logPxName = Language.text("label.logPxEstimate", k), gapName = Language.text("label.gap");
        Table table = Table.create(Language.text("label.logLikelihoodByDigit"), StringColumn.create(Language.text("label.digit")),
                IntColumn.create(Language.text("label.images")), DoubleColumn.create(elboName), DoubleColumn.create(logPxName),
                DoubleColumn.create(gapName));
        for (int digit = 0; digit <= 10; digit++) {
            int count = 0;
            double e = 0, l = 0;
            for (int i = 0; i < labels.length; i++) {
                if (digit < 10 && labels[i] != digit) continue;
                count++;
                e += elbo[i];
                l += logPx[i];
            }
            if (count == 0) continue;
            table.stringColumn(0).append(digit < 10 ? String.valueOf(digit) : Language.text("label.allDigits"));
            table.intColumn(1).append(count);
            table.doubleColumn(2).append(e / count);
            table.doubleColumn(3).append(l / count);
            table.doubleColumn(4).append((l - e) / count);
        }
        NumberColumnFormatter fourDigits = new NumberColumnFormatter() {
            @Override public String format(double value) { return String.format(Locale.ROOT, "%.4g", value); }
        };
        for (int c = 2; c < 5; c++) table.doubleColumn(c).setPrintFormatter(fourDigits);
        return table;
    }
}
