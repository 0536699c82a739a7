package vae.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a JVM that runs the lessons is started, in one place for the kernelspec, the grader, the benchmarks and
 * {@code ./tutorial}: its environment ({@code vae/process.env}, which says why each value; {@code lib/process-env.sh}
 * reads the same file for the scripts), its JVM flags, and where ND4J's natives are unpacked.
 */
public final class Launch {
    /** The project's cache folder of the user's: ND4J's natives and the kernel's logs. */
    public static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "vae-notebooks");
    /** Where JavaCPP unpacks ND4J's natives (~400 MB): a cache of the user's, not the working folder. */
    public static final Path NATIVE_CACHE = CACHE.resolve("javacpp");

    /**
     * The environment a JVM running the lessons should start with: one OpenMP thread, and glibc malloc settings that
     * reuse freed memory. A running JVM cannot change its own, so whatever starts one sets it.
     */
    public static final Map<String, String> ENVIRONMENT = readEnvironment();

    private Launch() {}

    /** The flags every such JVM gets: no display needed for charts, natives unpacked to {@link #NATIVE_CACHE}. */
    public static List<String> jvmFlags() {
        return List.of("-Djava.awt.headless=true", "-Dorg.bytedeco.javacpp.cachedir=" + NATIVE_CACHE);
    }

    /** {@code java [jvmFlags] [extraFlags] -cp classpath mainClass args…}. */
    public static List<String> command(String java, List<String> extraFlags, String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags());
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Adds {@link #ENVIRONMENT} to a child process's environment, keeping any value already set there. */
    public static void configure(ProcessBuilder child) {
        ENVIRONMENT.forEach(child.environment()::putIfAbsent);
    }

    /**
     * What {@link #jvmFlags()} would have set, for a JVM started without them (a main run by hand or by a script):
     * call first thing in {@code main}, before ND4J or AWT load.
     */
    public static void prepareThisJvm() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", NATIVE_CACHE.toString());
        }
    }

    private static Map<String, String> readEnvironment() {
        try (var in = Launch.class.getResourceAsStream("/vae/process.env")) {
            if (in == null) {
                // internal: the library jar always carries vae/process.env (LaunchTest reads it)
                throw new IllegalStateException("vae/process.env is missing from the library's jar");
            }
            return parseEnvironment(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KEY=VALUE lines; blank lines and lines starting with # are skipped. */
    static Map<String, String> parseEnvironment(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                // internal: vae/process.env ships inside the library jar, not written by a learner
                throw new IllegalStateException("vae/process.env has the line '" + line + "'; expected KEY=VALUE (e.g. OMP_NUM_THREADS=1) or a # comment");
            }
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return Collections.unmodifiableMap(env);
    }
}
