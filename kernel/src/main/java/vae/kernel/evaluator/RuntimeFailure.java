package vae.kernel.evaluator;

import java.util.List;

/** The cell threw; the traceback shows the user's frames (cells and libraries), not the kernel's. */
public final class RuntimeFailure extends CellException {
    public RuntimeFailure(String exceptionClass, String message, List<String> traceback) {
        super(exceptionClass, message, traceback);
    }
}
