package vae.table;

import java.util.Arrays;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import vae.model.ForwardPass;
import vae.model.GraphNames;
import vae.model.Vae;
import vae.Language;

/**
 * The shape of every value along the pipeline x → μ, logvar → σ, ε → z → reconstruction → losses. The values keep
 * their code names (a cell asks the pass for them by name); the two columns are named in the reader's language:
 * {@link ColumnKey#VALUE}, {@link ColumnKey#SHAPE}.
 */
public final class ShapeTable {
    private ShapeTable() {}

    public static Table of(ForwardPass pass) {
        StringColumn step = StringColumn.create(ColumnKey.VALUE.label()), shape = StringColumn.create(ColumnKey.SHAPE.label());
        for (String name : Vae.LESSON_STEPS) {
            step.append(name);
            shape.append(Arrays.toString(pass.shape(name)));
        }
        for (String name : new String[] {GraphNames.RECONSTRUCTION_LOSS_PER_IMAGE, GraphNames.KL_PER_IMAGE}) {
            step.append(name);
            shape.append(Arrays.toString(pass.shape(name)));
        }
        return Table.create(Language.text("label.shapes"), step, shape);
    }
}
