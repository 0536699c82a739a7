package vae.table;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import vae.maths.HandMaths;
import vae.Language;

/** Sample mean and standard deviation of each dimension against the μ and σ the samples were drawn with. */
public final class SampleTable {
    private SampleTable() {}

    /** {@code samples[d]} holds the draws of dimension d. */
    public static Table of(double[][] samples, double[] mu, double[] sigma) {
        Table table = Table.create(Language.text("label.samplesAgainst"), IntColumn.create("dimension"), IntColumn.create("samples"),
                DoubleColumn.create("μ"), DoubleColumn.create("sample mean"), DoubleColumn.create("σ"), DoubleColumn.create("sample std"));
        for (int d = 0; d < samples.length; d++) {
            table.intColumn("dimension").append(d);
            table.intColumn("samples").append(samples[d].length);
            table.doubleColumn("μ").append(mu[d]);
            table.doubleColumn("sample mean").append(HandMaths.mean(samples[d]));
            table.doubleColumn("σ").append(sigma[d]);
            table.doubleColumn("sample std").append(HandMaths.std(samples[d]));
        }
        return table;
    }
}
