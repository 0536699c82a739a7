package vae.kernel.evaluator;

import java.util.List;

/**
 * A cell failed: the three fields of a Jupyter {@code error} message. Subclasses say how it failed.
 */
public class CellException extends Exception {
    private final String ename;
    private final List<String> traceback;

    public CellException(String ename, String evalue, List<String> traceback) {
        super(evalue);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    /** Short name of the failure, e.g. {@code CompileError} or {@code java.lang.ArithmeticException}. */
    public String ename() {
        return ename;
    }

    /** One-line description. */
    public String evalue() {
        return getMessage();
    }

    /** The lines a notebook shows under the cell. */
    public List<String> traceback() {
        return traceback;
    }
}
