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
        // JavaCPP refuses any allocation once the process is past maxphysicalbytes ("Cannot allocate new LongPointer(2):
        // totalBytes = …, physicalBytes = …"); ND4J allocates such pointers for every array, so this bounds its arrays.
        if (m.contains("physicalBytes") && Pointer.physicalBytes() >= Pointer.maxPhysicalBytes() * 0.9) {
            return "The kernel's memory reached its limit of " + size(Pointer.maxPhysicalBytes())
                    + " (the Java heap, ND4J's arrays and the JVM itself; JavaCPP's maxphysicalbytes). " + RAISE
                    + "--native-memory SIZE (e.g. --native-memory 2g), then restart the kernel";
        }
        if (m.contains("totalBytes") || m.contains("maxBytes")) {
            return "Memory outside the Java heap reached its limit of " + size(Pointer.maxBytes())
                    + " (JavaCPP's maxbytes). " + RAISE + "--native-memory SIZE, then restart the kernel";
        }
        return "The Java heap reached its limit of " + size(Runtime.getRuntime().maxMemory()) + " (-Xmx). " + RAISE
                + "--heap SIZE (e.g. --heap 2g), then restart the kernel";
    }

    private static final String RAISE = "The cell stopped; the kernel and its other variables are still there. Free memory"
            + " (e.g. set a big variable to null) or raise the limit: ./tutorial install-kernel ";

    static String size(long bytes) {
        if (bytes <= 0) {
            return "no limit";
        }
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
