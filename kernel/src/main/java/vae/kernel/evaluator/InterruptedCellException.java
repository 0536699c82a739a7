package vae.kernel.evaluator;

import java.util.List;

/** The user interrupted the cell; the rest of it was skipped. */
public final class InterruptedCellException extends CellException {
    public InterruptedCellException() {
        super("Interrupted", "The cell was interrupted; the rest of it did not run.",
                List.of("Interrupted: the cell was interrupted; the rest of it did not run."));
    }
}
