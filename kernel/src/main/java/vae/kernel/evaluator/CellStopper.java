package vae.kernel.evaluator;

import java.util.function.Supplier;

/**
 * How an interrupt stops running cell code (a cell, or a widget's callback): first its thread is interrupted, so sleeps
 * end and loops that check {@code Thread.interrupted()} (the library's trainer does) return what they have; code still
 * running after {@link #GRACE_MS} is then stopped by force, in the caller's way (JShell's {@code stop()} for a cell).
 */
public final class CellStopper {
    /** How long code may take to stop by itself after {@link Thread#interrupt()} before it is stopped by force. */
    public static final long GRACE_MS = 500;

    private CellStopper() {}

    /**
     * Interrupts {@code thread} and waits up to {@link #GRACE_MS} for {@code running} to stop naming it; true if it did
     * (or nothing was running), false if it must be stopped by force.
     */
    public static boolean stoppedGently(Thread thread, Supplier<Thread> running) {
        if (thread == null) {
            return true;
        }
        thread.interrupt();
        long end = System.nanoTime() + GRACE_MS * 1_000_000;
        while (running.get() == thread && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return running.get() != thread;
    }
}
