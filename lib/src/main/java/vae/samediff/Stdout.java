package vae.samediff;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/** System.out kept off a learner's screen while SameDiff M2.1 talks to it. */
public final class Stdout {
    private Stdout() {}

    /**
     * Runs {@code action} with System.out silenced. Stands in for calling SameDiff's gradient methods
     * ({@code createGradFunction}, {@code calculateGradients…}) directly: M2.1 prints "Added differentiated op …" to
     * System.out for every op while it builds a gradient graph, which would land in a learner's cell
     * ({@code StdoutTest.sameDiffPrintsEveryOpItDifferentiates}). Synchronised, as System.out is one for the whole JVM.
     */
    public static <T> T quietly(Supplier<T> action) {
        synchronized (Stdout.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                return action.get();
            } finally {
                System.setOut(out);
            }
        }
    }
}
