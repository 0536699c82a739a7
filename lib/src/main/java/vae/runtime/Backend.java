package vae.runtime;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts ND4J the way the lessons need it: natives unpacked to the user's cache ({@link Launch}), one OpenMP thread,
 * and ND4J's start-up chatter kept off a learner's screen.
 */
public final class Backend {
    // Held so that the JUL logger configuration is not garbage-collected with the Logger objects.
    private static final Logger[] QUIETED = {Logger.getLogger("org.nd4j"), Logger.getLogger("org.bytedeco")};
    private static volatile boolean started;
    private static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";

    private Backend() {}

    /** Safe to call many times; every class of the library that touches ND4J calls it first. */
    public static synchronized void start() {
        if (started) return;
        Launch.prepareThisJvm();   // the natives' cache, where a JVM was started without Launch's flags
        // ND4J's natives built for the widest instruction set both this CPU and the classpath offer (-Pavx2, -Pavx512,
        // -Ponednn-avx512, …); the generic build otherwise. An extension set by hand (-Dorg.bytedeco.javacpp.platform.extension) wins.
        if (System.getProperty(EXTENSION) == null) {
            java.util.Set<String> builds = NativesChoice.onClasspath(Backend.class.getClassLoader(), platform());
            String best = builds.isEmpty() ? "" : NativesChoice.best(NativesChoice.cpuFlags(), builds);   // the default build: no CPU to read
            if (!best.isEmpty()) System.setProperty(EXTENSION, best);
        }
        // ND4J warns about duplicate TensorFlow op mappings at every start: nothing a learner can act on.
        for (Logger logger : QUIETED) {
            if (logger.getLevel() == null) logger.setLevel(Level.SEVERE);
        }
        int threads = threads();
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(threads);
        org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(threads);
        // A oneDNN build: its kernels only where proven equal, switched on per op by vae.samediff.OneDnn.
        if (System.getProperty(EXTENSION, "").startsWith("-onednn")) org.nd4j.linalg.factory.Nd4j.getEnvironment().allowHelpers(false);
        started = true;
    }

    /** Which of ND4J's native builds this JVM loads: "generic", "avx2", "avx512", "onednn-avx512"… (for benchmarks' reports). */
    public static String natives() {
        start();
        String extension = System.getProperty(EXTENSION, "");
        return extension.isEmpty() ? "generic" : extension.substring(1);
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
        int fallback = Integer.parseInt(Launch.ENVIRONMENT.get(EnvironmentNames.OMP_NUM_THREADS));
        String omp = System.getenv(EnvironmentNames.OMP_NUM_THREADS);
        try {
            return omp == null ? fallback : Math.max(1, Integer.parseInt(omp.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
