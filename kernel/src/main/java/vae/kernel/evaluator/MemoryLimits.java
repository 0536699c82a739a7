package vae.kernel.evaluator;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * Says which of the kernel's memory limits a cell ran into and how to raise it. The kernelspec bounds both the Java
 * heap ({@code -Xmx}) and ND4J's arrays outside it (JavaCPP's {@code maxbytes} and {@code maxphysicalbytes}), so one
 * learner's kernel cannot take a shared server's memory.
 */
final class MemoryLimits {
    private MemoryLimits() {}

    /** One sentence for an {@link OutOfMemoryError} with {@code message}: the limit, and how to raise it. */
    static String explain(String message) {
        String m = message == null ? "" : message;
        String restart = "The cell stopped; the kernel and its other variables are still there. Free memory (e.g. set a big"
                + " variable to null) or raise the limit: ./tutorial install-kernel ";
        if (m.contains("maxPhysicalBytes")) {
            return "The whole kernel process reached its physical memory limit of " + size(Pointer.maxPhysicalBytes())
                    + " (JavaCPP's maxphysicalbytes). " + restart + "--native-memory SIZE, then restart the kernel";
        }
        if (m.contains("maxBytes") || m.contains("allocate memory")) {
            return "ND4J's arrays reached their limit of " + size(Pointer.maxBytes())
                    + " outside the Java heap (JavaCPP's maxbytes). " + restart + "--native-memory SIZE, then restart the kernel";
        }
        return "The Java heap reached its limit of " + size(Runtime.getRuntime().maxMemory()) + " (-Xmx). " + restart
                + "--heap SIZE (e.g. --heap 2g), then restart the kernel";
    }

    static String size(long bytes) {
        if (bytes <= 0) {
            return "no limit";
        }
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
