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
