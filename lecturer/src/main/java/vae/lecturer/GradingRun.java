package vae.lecturer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import vae.kernel.notebook.Notebook;
import vae.kernel.runner.NotebookRunner;
import vae.kernel.session.Session;
import vae.Language;

/**
 * One submission run in a JVM of its own, so that nothing it does (an endless loop, a huge allocation, a crash) stops
 * the grading of the others. {@link #start} runs it from the {@link Grader} with the whole-notebook time limit;
 * {@link #main} is that JVM: every code cell through the kernel's {@link NotebookRunner}, each with the per-cell time
 * limit, going on after errors, and the executed notebook saved after every cell, so a JVM that is stopped leaves the
 * cells run so far. Its working folder and temporary files are a fresh folder of its own, so that what it writes can be
 * measured and is removed; it runs as its learner ({@code VAE_LEARNER}), so its exercises draw that learner's numbers; a submission that writes past the disk limit there, or starts processes, is stopped. With
 * {@link Confinement} it can write nowhere else, and a cell that tries stops the run.
 *
 * <pre>java -Xmx… vae.lecturer.GradingRun CELL_TIMEOUT_SECONDS IN.ipynb OUT.ipynb</pre>
 */
public final class GradingRun {
    /** How a submission's JVM ended; {@code stopped} says why the grader stopped it for breaking a limit, or is null. */
    record Result(int exitCode, boolean timedOut, String log, String stopped) {
        Result(int exitCode, boolean timedOut, String log) { this(exitCode, timedOut, log, null); }
    }

    private GradingRun() {}

    /**
     * Runs {@code in} into {@code out} in a new JVM, its output into {@code log}, its working folder (and temporary
     * files) a fresh {@code folder}, deleted afterwards; stops it at the notebook's time limit, when it has written
     * more than the disk limit in that folder, or when it has started more processes than allowed.
     */
    static Result start(GradingSettings settings, String classpath, Path in, Path out, Path log, Path folder, String learner) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        deleteTree(folder);
        Files.createDirectories(folder.resolve("tmp"));
        List<String> command = vae.runtime.Launch.command(java,
                List.of("-Xmx" + settings.maxHeapMegabytes() + "m", "-Djava.io.tmpdir=" + folder.resolve("tmp").toAbsolutePath(), "-XX:-UsePerfData"),
                absolute(classpath), GradingRun.class.getName(), String.valueOf(settings.cellTimeoutSeconds()), in.toAbsolutePath().toString(),
                out.toAbsolutePath().toString());
        boolean confined = Confinement.available();
        if (confined) {
            Path executed = Files.createDirectories(out.toAbsolutePath().getParent());   // its own: the notebook is written beside, then moved
            Files.createDirectories(vae.runtime.Launch.CACHE);
            command = Confinement.wrap(command, List.of(folder, executed, vae.runtime.Launch.CACHE));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        vae.runtime.Launch.configure(builder);
        // Checks hide the expected value from the learner's text, but give it to the lecturer's report as data.
        builder.environment().put(vae.runtime.EnvironmentNames.VAE_ANSWERS, vae.exercise.Answers.GRADER.setting());
        // The learner's own exercise numbers (vae.exercise.Variant), whatever the setup cell or the hub would say.
        builder.environment().remove(vae.runtime.EnvironmentNames.JUPYTERHUB_USER);
        builder.environment().put(vae.runtime.EnvironmentNames.VAE_LEARNER, learner == null ? "" : learner);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.notebookTimeoutSeconds());
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                String broke = System.nanoTime() > deadline ? "" : broke(process, folder, settings, confined ? 1 : 0);
                if (broke != null) {
                    stop(process);
                    return new Result(-1, broke.isEmpty(), Files.readString(log), broke.isEmpty() ? null : broke);
                }
            }
            if (process.exitValue() == Confinement.WROTE_OUTSIDE) return new Result(-1, false, Files.readString(log), Language.text("grade.wroteOutside"));
            return new Result(process.exitValue(), false, Files.readString(log));
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("grading was interrupted", e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            deleteTree(folder);
        }
    }

    /** The classpath with every entry absolute, since the submission's JVM runs in a folder of its own. */
    static String absolute(String classpath) {
        return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Why a running submission must be stopped: the processes it started, or what it wrote; null while it keeps to its limits. */
    static String broke(Process process, Path folder, GradingSettings settings, int sandbox) {
        // The reasons name the limit, not what was seen at that moment, so that grading twice gives the same words.
        if (process.descendants().count() > settings.maxProcesses() + sandbox) {   // bwrap's JVM is its child
            return Language.text("grade.tooManyProcesses", settings.maxProcesses());
        }
        if (size(folder) > settings.maxDiskMegabytes() * 1024L * 1024L) {
            return Language.text("grade.tooMuchDisk", settings.maxDiskMegabytes());
        }
        return null;
    }

    private static void stop(Process process) throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
                } catch (IOException gone) {
                    return 0;   // deleted while we looked
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return 0;
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    public static void main(String[] args) {
        Duration cellTimeout = Duration.ofSeconds(Integer.parseInt(args[0]));
        Path in = Path.of(args[1]), out = Path.of(args[2]);
        Notebook nb = Notebook.read(in);
        vae.kernel.KernelRuntime.start("grader");   // its log to a file, not into the run's output
        try (Session session = Session.create()) {
            new NotebookRunner(session).keepGoing(true).cellTimeout(cellTimeout).afterEachCell((executed, cell) -> {
                executed.write(out);
                if (Confinement.refusedWrite(cell)) System.exit(Confinement.WROTE_OUTSIDE);   // stopped where it broke the rule
            }).run(nb);
        }
        nb.write(out);
        System.exit(0);   // ND4J's and JShell's threads must not keep a finished run alive
    }
}
