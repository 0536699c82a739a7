package vae;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts ND4J the way the lessons need it: natives unpacked to the user's cache, one OpenMP thread,
 * and ND4J's start-up chatter kept off a learner's screen.
 */
public final class Backend {
    /** Where JavaCPP unpacks ND4J's natives (~400 MB): a cache of the user's, not the working folder. */
    public static final Path NATIVE_CACHE = Path.of(System.getProperty("user.home"), ".cache", "vae-notebooks", "javacpp");

    // Held so that the JUL logger configuration is not garbage-collected with the Logger objects.
    private static final Logger[] QUIETED = {Logger.getLogger("org.nd4j"), Logger.getLogger("org.bytedeco")};
    private static volatile boolean started;

    /**
     * The environment a JVM running the lessons should start with, from {@code vae/process.env} (which says why):
     * one OpenMP thread, and glibc malloc settings that reuse freed memory. The kernel's spec, {@code ./tutorial},
     * the grader and the benchmarks set it; a running JVM cannot change its own.
     */
    public static final Map<String, String> PROCESS_ENVIRONMENT = processEnvironment();

    private static Map<String, String> processEnvironment() {
        try (var in = Backend.class.getResourceAsStream("process.env")) {
            if (in == null) throw new IllegalStateException("vae/process.env is missing from the library's jar");
            return parseEnvironment(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** KEY=VALUE lines; blank lines and lines starting with # are skipped. */
    static Map<String, String> parseEnvironment(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("vae/process.env has the line '" + line + "'; expected KEY=VALUE (e.g. OMP_NUM_THREADS=1) or a # comment");
            }
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return java.util.Collections.unmodifiableMap(env);
    }

    /** Adds {@link #PROCESS_ENVIRONMENT} to a child process's environment, keeping any value already set there. */
    public static void configure(ProcessBuilder child) {
        PROCESS_ENVIRONMENT.forEach(child.environment()::putIfAbsent);
    }

    private Backend() {}

    /**
     * Runs {@code action} with System.out silenced: SameDiff M2.1 prints "Added differentiated op …" there while
     * building a gradient graph, which would land in a learner's cell.
     */
    public static <T> T quietly(Supplier<T> action) {
        PrintStream out = System.out;
        synchronized (Backend.class) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                return action.get();
            } finally {
                System.setOut(out);
            }
        }
    }

    /** Safe to call many times; every class of the library that touches ND4J calls it first. */
    public static synchronized void start() {
        if (started) return;
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", NATIVE_CACHE.toString());
        }
        // Built with -Pavx2, the classpath holds ND4J's AVX2 natives instead of the generic ones: tell JavaCPP to load them.
        if (System.getProperty("org.bytedeco.javacpp.platform.extension") == null
                && Backend.class.getClassLoader().getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform() + "-avx2") != null) {
            System.setProperty("org.bytedeco.javacpp.platform.extension", "-avx2");
        }
        // ND4J warns about duplicate TensorFlow op mappings at every start: nothing a learner can act on.
        for (Logger logger : QUIETED) {
            if (logger.getLevel() == null) logger.setLevel(Level.SEVERE);
        }
        int threads = threads();
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(threads);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(threads);
        started = true;
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT), arch = System.getProperty("os.arch");
        String o = os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : arch;
        return o + "-" + a;
    }

    /**
     * Measured on 2 cores: one thread trains the MLP VAE faster than two (small GEMMs contend),
     * so one (process.env's value) is the default unless OMP_NUM_THREADS says otherwise.
     */
    static int threads() {
        int fallback = Integer.parseInt(PROCESS_ENVIRONMENT.get("OMP_NUM_THREADS"));
        String omp = System.getenv("OMP_NUM_THREADS");
        try {
            return omp == null ? fallback : Math.max(1, Integer.parseInt(omp.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
