package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/**
 * Drives the packaged kernel over ZeroMQ with Jupyter's own client (Debian's python3-jupyter-client): the kernel is
 * installed into a temporary JUPYTER_DATA_DIR, {@code src/test/python/drive_kernel.py} runs one session through
 * every request type, and each test checks one part of what it saw. Skipped where Jupyter is absent.
 */
class KernelIT {
    @TempDir
    static Path tmp;
    static JsonObject seen;
    static Path logs;

    /** A python3 that can import jupyter_client: Debian's first (the one first on PATH may be another). */
    static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import jupyter_client, nbformat").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (Exception ignored) {
                // try the next one
            }
        }
        return null;
    }

    /** The packaged kernel's classpath: its jar and target/classpath.txt (failsafe passes both). */
    static List<String> kernelClasspath() throws Exception {
        List<String> cp = new ArrayList<>();
        cp.add(System.getProperty("kernel.jar", "target/vae-kernel-0.1.0-SNAPSHOT.jar"));
        String file = System.getProperty("kernel.classpath.file", "target/classpath.txt");
        cp.addAll(List.of(Files.readString(Path.of(file)).trim().split(File.pathSeparator)));
        return cp;
    }

    static Process start(List<String> command, Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JUPYTER_DATA_DIR", data.toString());
        pb.environment().put("VAE_KERNEL_LOG_DIR", logs.toString());
        pb.environment().remove("JUPYTER_PATH");
        return pb.start();
    }

    @BeforeAll
    static void driveTheKernel() throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "Skipping the kernel integration tests: no python3 with jupyter_client and"
                + " nbformat here. On Debian: apt-get install python3-jupyter-client python3-nbclient jupyter-nbconvert");
        Path data = tmp.resolve("jupyter-data");
        logs = tmp.resolve("logs");
        Installer.install(data, Installer.currentJava(), kernelClasspath(), false);
        Process p = start(List.of(python, "src/test/python/drive_kernel.py"), data);
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "driver timed out");
        assertEquals(0, p.exitValue(), "drive_kernel.py failed:\n" + output);
        String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(output));
        seen = JsonParser.parseString(json).getAsJsonObject();
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void kernelIsReadyQuicklyAndSaysItIsJava() {
        assertEquals("java", seen.get("language").getAsString());
        assertTrue(seen.get("ready_s").getAsDouble() < 10, "ready after " + seen.get("ready_s"));
    }

    @Test
    void executeReturnsTheLastValueAndPrintedText() {
        JsonObject value = seen.getAsJsonObject("value");
        assertEquals("ok", value.get("status").getAsString());
        assertEquals(1, value.get("count").getAsInt());
        assertEquals(List.of("41"), strings(value.getAsJsonArray("results")));
        assertEquals("hello from Java\n", seen.get("stdout").getAsString());
    }

    @Test
    void chartArrivesAsDisplayDataWithAPng() {
        assertEquals("iVBORw0KGgoA", seen.get("chart_png_prefix").getAsString()); // base64 of the PNG signature
    }

    @Test
    void tableArrivesAsAnHtmlTable() {
        String html = seen.get("table_html").getAsString();
        assertTrue(html.contains("<thead><tr><th>label</th><th>loss</th></tr></thead>"), html);
        assertTrue(html.contains("<tr><td>4</td><td>0.125</td></tr>"), html);
    }

    @Test
    void ndarrayShowsItsValuesAndNd4jLogsGoToTheLogFileNotTheCell() throws Exception {
        JsonObject nd = seen.getAsJsonObject("ndarray");
        assertTrue(nd.getAsJsonArray("html").get(0).getAsString().contains("<tr><td>3</td><td>4</td></tr>"), nd.toString());
        assertEquals("", nd.get("stderr").getAsString());
        String log = Files.readString(logs.resolve("kernel.log"));
        assertTrue(log.contains("CpuBackend"), "ND4J's start-up message should be in the kernel log");
    }

    @Test
    void errorsReadLikeATutorAndTheNextCellStillRuns() {
        JsonObject compile = seen.getAsJsonObject("compile_error");
        assertEquals("error", compile.get("status").getAsString());
        assertEquals(1, compile.get("iopub_errors").getAsInt());
        assertEquals(List.of("Line 2: cannot find symbol\n      symbol:   variable undefinedThing",
                "    int w = undefinedThing + 1;", "            ^"), strings(compile.getAsJsonArray("traceback")));
        JsonObject runtime = seen.getAsJsonObject("runtime_error");
        assertEquals("java.lang.ArithmeticException", runtime.get("ename").getAsString());
        List<String> tb = strings(runtime.getAsJsonArray("traceback"));
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "    at div (In [7], line 2)", "    at In [7], line 4"), tb);
        assertEquals(List.of("40"), strings(seen.getAsJsonArray("after_error")));
    }

    @Test
    void cellsQueuedBehindAFailingCellAreAbortedNotRun() {
        assertEquals(List.of("error", "aborted"), strings(seen.getAsJsonArray("run_all_after_error")));
        assertEquals("error", seen.get("ran_after_error").getAsString()); // ranAfterError was never declared
    }

    @Test
    void interruptStopsALoopQuicklyAndTheKernelLivesOn() {
        JsonObject interrupt = seen.getAsJsonObject("interrupt");
        assertEquals("error", interrupt.get("status").getAsString());
        assertEquals("Interrupted", interrupt.get("ename").getAsString());
        assertTrue(interrupt.get("seconds").getAsDouble() < 2, interrupt.toString());
        assertEquals(List.of("true"), strings(seen.getAsJsonArray("after_interrupt")));
    }

    @Test
    void completeInspectAndIsCompleteAnswer() {
        JsonObject complete = seen.getAsJsonObject("complete");
        assertTrue(strings(complete.getAsJsonArray("matches")).contains("max("), complete.toString());
        assertEquals("String word = \"abc\";\nMath.".length(), complete.get("start").getAsInt()); // just after "Math."
        JsonObject inspect = seen.getAsJsonObject("inspect");
        assertTrue(inspect.get("found").getAsBoolean());
        assertTrue(inspect.get("text").getAsString().contains("double Math.max(double a, double b)"), inspect.toString());
        JsonObject isComplete = seen.getAsJsonObject("is_complete");
        assertEquals("incomplete", isComplete.getAsJsonObject("open_brace").get("status").getAsString());
        assertEquals("    ", isComplete.getAsJsonObject("open_brace").get("indent").getAsString());
        assertEquals("complete", isComplete.getAsJsonObject("complete").get("status").getAsString());
    }

    @Test
    void progressBarIsUpdatedInPlace() {
        JsonObject progress = seen.getAsJsonObject("progress");
        assertEquals(1, progress.get("displays").getAsInt());
        assertTrue(progress.get("updates").getAsInt() >= 3, progress.toString());
        assertTrue(progress.get("same_id").getAsBoolean());
        assertEquals("Training [####################] 100% epoch 2/2 · batch 5/5 · loss 0.1000", progress.get("last").getAsString());
    }

    @Test
    void unknownMagicIsAnError() {
        JsonObject magic = seen.getAsJsonObject("unknown_magic");
        assertEquals("error", magic.get("status").getAsString());
        assertTrue(magic.get("evalue").getAsString().startsWith("Unknown magic %nosuchmagic."));
    }

    @Test
    void restartGivesAFreshKernelAndShutdownEndsIt() {
        assertEquals(List.of("2"), strings(seen.getAsJsonArray("after_restart")));
        assertEquals("error", seen.get("x_after_restart").getAsString());
        assertFalse(seen.get("alive_after_shutdown").getAsBoolean());
    }
}
