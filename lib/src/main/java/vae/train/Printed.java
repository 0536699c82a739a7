package vae.train;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * A record printed as Tribuo prints its configs, {@code TrainingConfig(epochs=5, batchSize=128, …)}: every component,
 * in the order the record declares them, so a new setting is printed without a new line of code. Only for reading: no
 * file is written from it (a checkpoint's keys are written down in {@code vae.model.CheckpointFormat}).
 */
public final class Printed {
    private Printed() {}

    /** {@code Name(first=…, second=…)} with each component's own {@code toString}. */
    public static String record(Record r) {
        StringJoiner fields = new StringJoiner(", ", r.getClass().getSimpleName() + "(", ")");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                fields.add(c.getName() + "=" + c.getAccessor().invoke(r));
            } catch (IllegalAccessException | InvocationTargetException e) {
                // internal: a record's accessors are public and only return a field
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
            }
        }
        return fields.toString();
    }
}
