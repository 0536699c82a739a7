package vae.kernel.magic;

import java.util.List;
import vae.kernel.evaluator.CellException;

/** A magic could not do what it was asked; the message says what came, what was expected, and the fix. */
public final class MagicException extends CellException {
    public MagicException(String message) {
        super("MagicError", message, List.of("MagicError: " + message));
    }
}
