package vae.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Installs the kernelspec {@code vae-java} into a Jupyter data directory, like {@code python -m ipykernel install}.
 * Its argv starts the {@code java} that ran the installer, with the installer's own classpath (or a copy of it).
 */
public final class Installer {
    public static final String NAME = "vae-java";
    public static final String DISPLAY_NAME = "Java (VAE notebooks)";

    /** Where to install: the user's data dir, the active environment's, or one under a prefix. */
    public enum Scope { USER, SYS_PREFIX, PREFIX }

    private Installer() {}

    /** Jupyter's user data directory: {@code $JUPYTER_DATA_DIR}, else the platform's default (as jupyter_core). */
    public static Path userDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    /** The data directory for a scope; {@code prefix} only for {@link Scope#PREFIX}. */
    public static Path dataDir(Scope scope, Path prefix) {
        return switch (scope) {
            case USER -> userDataDir();
            case PREFIX -> prefix.resolve("share").resolve("jupyter");
            case SYS_PREFIX -> {
                String env = firstSet("CONDA_PREFIX", "VIRTUAL_ENV");
                if (env == null) {
                    throw new IllegalArgumentException("--sys-prefix installs into the active conda environment or virtualenv,"
                            + " but neither CONDA_PREFIX nor VIRTUAL_ENV is set. Activate one, or use --user or --prefix DIR.");
                }
                yield Path.of(env).resolve("share").resolve("jupyter");
            }
        };
    }

    private static String firstSet(String... names) {
        for (String n : names) {
            String v = System.getenv(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The {@code java} running now. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Writes {@code <dataDir>/kernels/vae-java/kernel.json} and returns that directory.
     *
     * @param classpath the kernel's classpath (jars and directories)
     * @param copyJars  copy the jars into the kernelspec's {@code lib/}, so it survives {@code mvn clean}
     */
    public static Path install(Path dataDir, String java, List<String> classpath, boolean copyJars) throws IOException {
        Path dir = dataDir.resolve("kernels").resolve(NAME);
        Files.createDirectories(dir);
        List<String> cp = new ArrayList<>();
        if (copyJars) {
            Path lib = dir.resolve("lib");
            Files.createDirectories(lib);
            for (String entry : classpath) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p)) {
                    Path target = lib.resolve(p.getFileName());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    cp.add(target.toAbsolutePath().toString());
                } else if (Files.isDirectory(p)) {
                    cp.add(p.toAbsolutePath().toString());
                }
            }
        } else {
            classpath.stream().filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().toString()).forEach(cp::add);
        }
        Path classpathFile = dir.resolve("classpath.txt");
        Files.writeString(classpathFile, String.join(File.pathSeparator, cp) + "\n");

        JsonArray argv = new JsonArray();
        argv.add(java);
        // The unpacked ND4J natives go to the user's cache, once, not to ~/.javacpp of whoever ran first.
        argv.add("-Dorg.bytedeco.javacpp.cachedir=" + Path.of(System.getProperty("user.home"), ".cache", "vae-notebooks", "javacpp"));
        argv.add("-Djava.awt.headless=true");
        // Measured by ./tutorial bench (kernel/BENCHMARKS.md): C1 only and the serial GC start faster, answer a cell
        // several times faster, and did not slow a SameDiff training step on 2 cores.
        argv.add("-XX:TieredStopAtLevel=1");
        argv.add("-XX:+UseSerialGC");
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, cp));
        argv.add("vae.kernel.Main");
        argv.add("kernel");
        argv.add("{connection_file}");

        JsonObject env = new JsonObject();
        env.addProperty("OMP_NUM_THREADS", "1"); // measured: one OpenMP thread is faster for these small models
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", DISPLAY_NAME);
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message"); // the default signal mode would kill the JVM
        spec.add("env", env);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        Files.writeString(dir.resolve("kernel.json"), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
        return dir;
    }
}
