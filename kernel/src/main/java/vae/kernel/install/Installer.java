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
import java.util.concurrent.TimeUnit;

/**
 * Installs the kernelspec {@code vae-java} into a Jupyter data directory, like {@code python -m ipykernel install},
 * and beside it {@link IpcKernelspec} {@code vae-java-ipc} (the same kernel, for frontends that start kernels over ipc).
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
        String env = System.getenv(vae.runtime.EnvironmentNames.JUPYTER_DATA_DIR);
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
     * @param cds       also run a warm-up notebook once to record an AppCDS archive of the classes it loads, and
     *                  unpack ND4J's natives into the cache; off by default: in kernel/BENCHMARKS.md the archive
     *                  did not make the kernel start faster on our 2-core machine
     */
    public static Path install(Path dataDir, String java, List<String> classpath, boolean copyJars, boolean cds)
            throws IOException {
        return install(dataDir, java, classpath, copyJars, cds, KernelMemory.defaults());
    }

    /** As above, with the kernel's memory limits ({@code --heap}, {@code --native-memory}). */
    public static Path install(Path dataDir, String java, List<String> classpath, boolean copyJars, boolean cds,
                               KernelMemory memory) throws IOException {
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
        String joined = String.join(File.pathSeparator, cp);
        Files.writeString(dir.resolve("classpath.txt"), joined + "\n");

        List<String> jvm = new ArrayList<>(vae.runtime.Launch.jvmFlags()); // headless; ND4J's natives in the user's cache
        // Measured by ./tutorial bench (kernel/BENCHMARKS.md): C1 only and the serial GC start faster, answer a cell
        // several times faster, and did not slow a SameDiff training step on 2 cores.
        jvm.add("-XX:TieredStopAtLevel=1");
        jvm.add("-XX:+UseSerialGC");
        jvm.addAll(memory.jvmFlags());
        Path archive = dir.resolve("kernel.jsa");
        Files.deleteIfExists(archive);
        if (cds && recordArchive(java, jvm, joined, archive, dir)) {
            jvm.add("-XX:SharedArchiveFile=" + archive);
            // A stale archive (a jar rebuilt since) is just not used; say nothing about it on the kernel's stderr.
            jvm.add("-Xlog:cds=off");
            jvm.add("-Xlog:cds+dynamic=off");
        }

        JsonArray argv = new JsonArray();
        argv.add(java);
        jvm.forEach(argv::add);
        argv.add("-cp");
        argv.add(joined);
        argv.add("vae.kernel.Main");
        argv.add("kernel");
        argv.add("{connection_file}");

        JsonObject env = new JsonObject();
        vae.runtime.Launch.ENVIRONMENT.forEach(env::addProperty); // one OpenMP thread, malloc that reuses memory (process.env says why)
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
        IpcKernelspec.install(dataDir, spec); // the same kernel behind a launcher, for frontends that use ipc (Colab)
        return dir;
    }

    /** Without the archive: for tests and for classpaths that are not jars. */
    public static Path install(Path dataDir, String java, List<String> classpath, boolean copyJars) throws IOException {
        return install(dataDir, java, classpath, copyJars, false);
    }

    /** Warm-up: JShell, a cell, and ND4J's first array, recorded with -XX:ArchiveClassesAtExit. False if it failed. */
    private static boolean recordArchive(String java, List<String> jvm, String classpath, Path archive, Path dir) {
        try {
            Path work = Files.createTempDirectory("vae-kernel-warmup");
            Path notebook = work.resolve("warmup.ipynb");
            Files.writeString(notebook, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                    + "{\"cell_type\": \"code\", \"id\": \"w\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null,"
                    + " \"source\": \"int warm = 1;\\nSystem.out.println(warm);\\norg.nd4j.linalg.factory.Nd4j.ones(2, 2)\"}]}");
            List<String> command = new ArrayList<>();
            command.add(java);
            command.add("-XX:ArchiveClassesAtExit=" + archive);
            command.addAll(jvm);
            command.addAll(List.of("-cp", classpath, "vae.kernel.Main", "run", "--output-dir", work.toString(), notebook.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("cds-warmup.log").toFile());
            vae.runtime.Launch.configure(pb);
            Process p = pb.start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            return done && p.exitValue() == 0 && Files.isRegularFile(archive);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
