package vae.lecturer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import vae.kernel.notebook.Notebook;
import vae.kernel.runner.NotebookRunner;
import vae.kernel.session.Session;

/**
 * One submission run in a JVM of its own, so that nothing it does (an endless loop, a huge allocation, a crash) stops
 * the grading of the others. {@link #start} runs it from the {@link Grader} with the whole-notebook time limit;
 * {@link #main} is that JVM: every code cell through the kernel's {@link NotebookRunner}, each with the per-cell time
 * limit, going on after errors, and the executed notebook saved after every cell, so a JVM that is stopped leaves the
 * cells run so far.
 *
 * <pre>java -Xmx… vae.lecturer.GradingRun CELL_TIMEOUT_SECONDS IN.ipynb OUT.ipynb</pre>
 */
public final class GradingRun {
    /** How a submission's JVM ended. */
    record Result(int exitCode, boolean timedOut, String log) {}

    private GradingRun() {}

    /** Runs {@code in} into {@code out} in a new JVM, its output into {@code log}; stops it at the notebook's time limit. */
    static Result start(GradingSettings settings, String classpath, Path in, Path out, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(vae.Launch.command(java, List.of("-Xmx" + settings.maxHeapMegabytes() + "m"),
                classpath, GradingRun.class.getName(), String.valueOf(settings.cellTimeoutSeconds()), in.toString(), out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        vae.Launch.configure(builder);
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(settings.notebookTimeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, true, Files.readString(log));
            }
            return new Result(process.exitValue(), false, Files.readString(log));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("grading was interrupted", e);
        }
    }

    public static void main(String[] args) {
        Duration cellTimeout = Duration.ofSeconds(Integer.parseInt(args[0]));
        Path in = Path.of(args[1]), out = Path.of(args[2]);
        Notebook nb = Notebook.read(in);
        try (Session session = Session.create()) {
            new NotebookRunner(session).keepGoing(true).cellTimeout(cellTimeout).afterEachCell((executed, cell) -> executed.write(out)).run(nb);
        }
        nb.write(out);
        System.exit(0);   // ND4J's and JShell's threads must not keep a finished run alive
    }
}
