package vae.kernel.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bytedeco.javacpp.Pointer;

/**
 * Gives memory back to the system while the learner reads: once the kernel has been idle for {@link #IDLE_MS}, a full
 * GC lets ND4J free the native memory of arrays no cell holds any more (it frees it only when the GC collects their
 * Java objects), and {@code malloc_trim} returns what malloc then holds free. The library's malloc settings keep
 * freed memory for reuse while cells run (fast training), so without this a kernel stays at its peak.
 */
public final class IdleMemory implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IdleMemory.class.getName());
    /** Longer than the gap between cells of "Run All", shorter than a learner's reading. */
    static final long IDLE_MS = 1500;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "idle-memory");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    /** A cell starts: whatever release was due waits. */
    public synchronized void busy() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** A cell ended: release memory unless another starts within {@link #IDLE_MS}. */
    public synchronized void idle() {
        busy();
        pending = timer.schedule(IdleMemory::release, IDLE_MS, TimeUnit.MILLISECONDS);
    }

    /** A full GC, a moment for ND4J's deallocator thread, then malloc_trim. */
    public static void release() {
        long before = Pointer.physicalBytes();
        System.gc();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        trimMalloc();
        Runtime rt = Runtime.getRuntime();
        LOG.info(() -> "idle: resident " + (before >> 20) + " MB -> " + (Pointer.physicalBytes() >> 20) + " MB; heap used "
                + ((rt.totalMemory() - rt.freeMemory()) >> 20) + " of " + (rt.totalMemory() >> 20) + " MB committed; ND4J arrays "
                + (Pointer.totalBytes() >> 20) + " MB");
    }

    /**
     * glibc's {@code malloc_trim(0)} through JavaCPP, which binds it as {@code Pointer.trimMemory()} but keeps it private
     * in 1.5.7 (it calls it itself only when a limit is hit). Where it is absent nothing is trimmed.
     */
    private static void trimMalloc() {
        try {
            java.lang.reflect.Method trim = Pointer.class.getDeclaredMethod("trimMemory");
            trim.setAccessible(true);
            trim.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.fine("malloc_trim is not available: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
