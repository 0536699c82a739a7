package vae.kernel.evaluator;

import java.util.List;

/** The cell does not compile; the traceback points at the cell's own line with a caret. */
public final class CompileException extends CellException {
    public CompileException(String evalue, List<String> traceback) {
        super("CompileError", evalue, traceback);
    }
}
