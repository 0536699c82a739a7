package vae.kernel.evaluator;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} do when a cell calls them: end that cell,
 * not the kernel. {@link ExitRewriter} points those calls in the cells' classes here, so the learner's variables
 * survive a stray {@code System.exit(0)} copied from a command-line program (ipykernel does the same for
 * {@code sys.exit()}).
 */
public final class CellExit {
    private CellExit() {}

    /** Thrown instead of exiting; an {@link Error}, so a cell's {@code catch (Exception e)} does not swallow it. */
    public static final class Called extends Error {
        Called(String call) {
            super(call + " was called: the cell stopped here, but the kernel and its variables are still there."
                    + " To restart the kernel on purpose, use Kernel > Restart.");
        }
    }

    public static void systemExit(int status) {
        throw new Called("System.exit(" + status + ")");
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw new Called("Runtime.getRuntime().exit(" + status + ")");
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw new Called("Runtime.getRuntime().halt(" + status + ")");
    }
}
