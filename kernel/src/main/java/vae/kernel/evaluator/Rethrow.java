package vae.kernel.evaluator;

/**
 * Throws again, from a snippet, what cell code threw outside a cell (a widget's observer), so that JShell names its
 * frames by cell and line as it does for a cell's own exceptions ({@link Evaluator#failure}). Not for cells.
 */
public final class Rethrow {
    private static volatile Throwable held;

    private Rethrow() {}

    static void hold(Throwable t) {
        held = t;
    }

    /** {@code t} described as a cell's runtime error, its frames named by cell and line by a snippet that rethrows it. */
    static CellException asCellError(jdk.jshell.JShell shell, CellErrors errors, Throwable t) {
        hold(t);
        try {
            for (jdk.jshell.SnippetEvent e : shell.eval("vae.kernel.evaluator.Rethrow.held();")) {
                if (e.exception() != null) {
                    return errors.runtimeError(e.exception());
                }
            }
        } catch (RuntimeException e) {
            // fall through: the frames as they are
        } finally {
            hold(null);
        }
        return errors.runtimeError(t);
    }

    /** Throws the held exception (checked ones too), or returns if none is held. */
    public static void held() {
        Throwable t = held;
        if (t != null) {
            Rethrow.<RuntimeException>sneaky(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
