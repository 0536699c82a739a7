package vae.table;

import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import vae.model.ForwardPass;
import vae.Language;

/**
 * μ, logvar, σ, ε and z side by side, one row per latent dimension (and per image of a batch). The "dimension" and
 * "image" columns are named in the reader's language: look them up with {@link ColumnKey#DIMENSION} and {@link ColumnKey#IMAGE}.
 */
public final class LatentTable {
    private LatentTable() {}

    /** For every image of the pass: one row per dimension; an "image" column appears when there is more than one image. */
    public static Table of(ForwardPass pass) {
        return of(pass.mu(), pass.logVar(), pass.sigma(), pass.epsilon(), pass.z());
    }

    /** The same from arrays of [batch, latent]. */
    public static Table of(INDArray mu, INDArray logVar, INDArray sigma, INDArray epsilon, INDArray z) {
        int images = (int) mu.rows(), dims = (int) mu.columns();
        String image = ColumnKey.IMAGE.label(), dimension = ColumnKey.DIMENSION.label();
        Table table = Table.create(Language.text("label.latentValues"));
        if (images > 1) table.addColumns(IntColumn.create(image));
        table.addColumns(IntColumn.create(dimension), DoubleColumn.create("μ"), DoubleColumn.create("logvar"),
                DoubleColumn.create("σ"), DoubleColumn.create("ε"), DoubleColumn.create("z"));
        for (int i = 0; i < images; i++) {
            for (int d = 0; d < dims; d++) {
                if (images > 1) table.intColumn(image).append(i);
                table.intColumn(dimension).append(d);
                table.doubleColumn("μ").append(mu.getDouble(i, d));
                table.doubleColumn("logvar").append(logVar.getDouble(i, d));
                table.doubleColumn("σ").append(sigma.getDouble(i, d));
                table.doubleColumn("ε").append(epsilon.getDouble(i, d));
                table.doubleColumn("z").append(z.getDouble(i, d));
            }
        }
        return table;
    }

    /** Named columns of equal length, e.g. {@code columns("μ", mu, "σ", sigma)}, one row per dimension. */
    public static Table columns(Object... nameThenValues) {
        Table table = Table.create(Language.text("label.values"));
        table.addColumns(IntColumn.indexColumn(ColumnKey.DIMENSION.label(), ((double[]) nameThenValues[1]).length, 0));
        for (int i = 0; i < nameThenValues.length; i += 2) {
            table.addColumns(DoubleColumn.create((String) nameThenValues[i], (double[]) nameThenValues[i + 1]));
        }
        return table;
    }
}
