package vae.kernel.session;

/**
 * A cell read {@code System.in} where nobody can type: the frontend did not allow stdin. Unchecked, so that
 * {@code Scanner} (which swallows {@code IOException}s into "No line found") passes the reason on to the learner.
 */
public final class KeyboardUnavailableException extends RuntimeException {
    public KeyboardUnavailableException(String message) {
        super(message);
    }
}
