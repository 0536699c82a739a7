package vae.kernel.install;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory one kernel may take: the Java heap and ND4J's arrays outside it, which JavaCPP counts and caps. Without
 * them the JVM takes a quarter of the machine for its heap and ND4J as much again, so on a class server one learner's
 * kernel could take the host.
 *
 * <p>ND4J 1.0.0-M2.1 allocates its arrays in C++, where neither JavaCPP's {@code maxbytes} nor libnd4j's own
 * {@code SD_MAX_PRIMARY_BYTES} / {@code setMaxPrimaryMemory} counts them (tried: a 1.6 GB array passes both). What does
 * bound them is JavaCPP's {@code maxphysicalbytes}: past it, JavaCPP refuses every new pointer, and ND4J makes some for
 * every array, so the cell that goes over gets an {@link OutOfMemoryError}.
 *
 * @param heapBytes   {@code -Xmx}
 * @param nativeBytes what ND4J's arrays may take besides the heap: the process limit is heap + this + the JVM's own
 */
public record KernelMemory(long heapBytes, long nativeBytes) {
    /** Room for the JVM, JShell, its code cache and ND4J's own libraries besides the two (a kernel at rest: 170 MB). */
    static final long PROCESS_OVERHEAD = 512L << 20;

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE);

    /**
     * The kernelspec's default: enough for every notebook of the series in full settings, with room. Measured: all
     * thirteen, one after the other in one kernel, peak at 1,734 MB of the 2,560 MB process limit (README).
     */
    public static KernelMemory defaults() {
        return new KernelMemory(1L << 30, 1L << 30);
    }

    public KernelMemory {
        if (heapBytes < (64L << 20)) {
            throw new IllegalArgumentException("A heap of " + heapBytes + " bytes is too small for the kernel: give at least 64m");
        }
        if (nativeBytes < (64L << 20)) {
            throw new IllegalArgumentException("Native memory of " + nativeBytes + " bytes is too small for ND4J: give at least 64m");
        }
    }

    public KernelMemory withHeap(String size) {
        return new KernelMemory(parse(size, "--heap"), nativeBytes);
    }

    public KernelMemory withNative(String size) {
        return new KernelMemory(heapBytes, parse(size, "--native-memory"));
    }

    /** The process as a whole: JavaCPP's {@code maxphysicalbytes}, checked when ND4J allocates. */
    public long physicalBytes() {
        return heapBytes + nativeBytes + PROCESS_OVERHEAD;
    }

    /**
     * The JVM flags that set the limits, and let the heap shrink back after the idle GC ({@code IdleMemory}): without
     * them the serial GC keeps its initial 1/64 of the machine's memory committed and resident however little is used.
     */
    public List<String> jvmFlags() {
        return List.of("-Xmx" + (heapBytes >> 20) + "m", "-Xms64m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-Dorg.bytedeco.javacpp.maxbytes=" + nativeBytes,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + physicalBytes());
    }

    /** A size as the JVM writes it: {@code 512m}, {@code 2g}, {@code 1048576}. */
    static long parse(String size, String option) {
        Matcher m = SIZE.matcher(size == null ? "" : size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " takes a size such as 512m or 2g, not '" + size + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    @Override
    public String toString() {
        return "KernelMemory(heap=" + (heapBytes >> 20) + "m, native=" + (nativeBytes >> 20) + "m, physical=" + (physicalBytes() >> 20) + "m)";
    }
}
