package vae.table;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import vae.maths.HandMaths;
import vae.Language;

/**
 * Sample mean and standard deviation of each dimension against the μ and σ the samples were drawn with. Columns other
 * than μ and σ are named in the reader's language: look them up with {@link ColumnKey}, e.g. {@code ColumnKey.SAMPLE_MEAN.label()}.
 */
public final class SampleTable {
    private SampleTable() {}

    /** {@code samples[d]} holds the draws of dimension d. */
    public static Table of(double[][] samples, double[] mu, double[] sigma) {
        String dimension = ColumnKey.DIMENSION.label(), count = ColumnKey.SAMPLES.label(), mean = ColumnKey.SAMPLE_MEAN.label(), std = ColumnKey.SAMPLE_STD.label();
        Table table = Table.create(Language.text("label.samplesAgainst"), IntColumn.create(dimension), IntColumn.create(count),
                DoubleColumn.create("μ"), DoubleColumn.create(mean), DoubleColumn.create("σ"), DoubleColumn.create(std));
        for (int d = 0; d < samples.length; d++) {
            table.intColumn(dimension).append(d);
            table.intColumn(count).append(samples[d].length);
            table.doubleColumn("μ").append(mu[d]);
            table.doubleColumn(mean).append(HandMaths.mean(samples[d]));
            table.doubleColumn("σ").append(sigma[d]);
            table.doubleColumn(std).append(HandMaths.std(samples[d]));
        }
        return table;
    }
}
