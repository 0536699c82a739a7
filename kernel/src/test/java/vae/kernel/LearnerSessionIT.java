package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/**
 * A learner's session through the installed kernel over ZeroMQ, in a folder outside the repository: the kernel is
 * installed with {@code Main install} (with a small heap where the installer offers {@code --heap}) into a temporary
 * JUPYTER_DATA_DIR, {@code src/test/python/learner_session.py} runs the session with Debian's jupyter_client
 * ({@link PythonDriver}), and each test checks one part of what it saw. Skipped where Jupyter is absent.
 */
class LearnerSessionIT {
    /** The heap the kernel is installed with, small so that filling it is quick. */
    static final String HEAP = "256m";

    @TempDir
    static Path tmp;
    static JsonObject seen;
    static boolean installedWithHeap;

    static List<String> main(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Installer.currentJava(), "-Djava.awt.headless=true", "-cp",
                String.join(File.pathSeparator, KernelIT.kernelClasspath()), "vae.kernel.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @BeforeAll
    static void runALearnersSession() throws Exception {
        PythonDriver driver = PythonDriver.in(tmp, "the learner-session tests");
        driver.env.put("VAE_DATA", null); // the session must find the digits without it

        // The installer's own usage says whether it offers --heap; without it the kernel gets the default heap.
        installedWithHeap = driver.run(main("--help"), 60).getValue().contains("--heap");
        List<String> install = installedWithHeap ? main("install", "--heap", HEAP) : main("install");
        var installed = driver.run(install, 120);
        assertEquals(0, installed.getKey(), "install failed:\n" + installed.getValue());

        seen = driver.script("learner_session.py", 900, tmp.resolve("work").toString());
    }

    /** A part of the session; fails saying so if that part failed, hung or killed the kernel. */
    private static JsonObject part(String name) {
        JsonObject p = seen.getAsJsonObject(name);
        if (p.has("died")) {
            fail("the kernel died during part '" + name + "': " + p.get("died").getAsString());
        }
        if (p.has("failed")) {
            fail("part '" + name + "' failed: " + p.get("failed").getAsString());
        }
        return p;
    }

    private static List<String> strings(JsonElement a) {
        return a == null || a.isJsonNull() ? List.of() : a.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    /** Asserts the cell ran without error and showed {@code expected} as its value. */
    private static void assertShows(String expected, JsonObject cell, String what) {
        assertEquals("ok", text(cell, "status"), what + " failed: " + text(cell, "ename") + ": " + text(cell, "evalue"));
        assertEquals(List.of(expected), strings(cell.get("results")), what + ": " + cell);
    }

    @Test
    void aNotebookOutsideTheRepositoryFindsTheDigitsAndThePretrainedModels() {
        // Preconditions: nothing could point the kernel at the repository's data/ folder.
        assertTrue(seen.get("data_folder_above").isJsonNull(), "the work folder lies under a data/ folder: " + seen.get("data_folder_above"));
        assertFalse(seen.get("vae_data_set").getAsBoolean(), "VAE_DATA is set in the driver's environment");
        assertFalse(seen.get("spec_env_has_vae_data").getAsBoolean(), "the kernelspec sets VAE_DATA");
        JsonObject outside = part("outside");
        assertShows(seen.get("cwd").getAsString(), outside.getAsJsonObject("user_dir"), "the kernel's working folder");
        assertShows("null", outside.getAsJsonObject("vae_data_env"), "VAE_DATA in the kernel");

        assertEquals("ok", text(outside.getAsJsonObject("imports"), "status"), outside.getAsJsonObject("imports").toString());
        JsonObject lesson = outside.getAsJsonObject("lesson");
        assertEquals("ok", text(lesson, "status"), "Pretrained.lesson() failed outside the repository: " + text(lesson, "evalue"));
        assertShows("9000", outside.getAsJsonObject("train_size"), "Mnist.train().size()");
        assertShows("1000", outside.getAsJsonObject("test_size"), "Mnist.test().size()");
        assertShows("2", outside.getAsJsonObject("latent2d_size"), "Pretrained.latent2d().latentSize()");
        assertShows("10", outside.getAsJsonObject("lesson_size"), "vae.latentSize()");

        JsonObject notebook = part("notebook");
        assertEquals(List.of(), strings(notebook.get("errors")), "the notebook executed by nbclient outside the repository");
        assertEquals(List.of("9000", "10"), strings(notebook.get("results")), notebook.toString());
    }

    @Test
    void aHundredThousandPrintedLinesAllArriveInOrderInFewMessagesBeforeIdle() {
        JsonObject big = part("big_output");
        String summary = big.get("stream_messages") + " stream messages, " + big.get("chars") + " characters, "
                + big.get("lines") + " lines in " + big.get("seconds") + " s";
        assertEquals("ok", text(big, "status"), summary);
        assertTrue(big.get("first_wrong_line").isJsonNull(), "a line is missing or out of order: " + big.get("first_wrong_line") + "; " + summary);
        assertEquals(100_000, big.get("lines").getAsInt(), summary);
        assertEquals(10_100_000, big.get("chars").getAsInt(), summary); // 100 characters and a newline a line
        assertTrue(big.get("stream_messages").getAsInt() <= 1_000, "printed text should be sent in batches: " + summary);
        assertTrue(big.get("idle").getAsBoolean(), "the status idle never came (lost?): " + summary);
        assertEquals(0, big.get("after_idle").getAsInt(), "messages of the cell came after its idle: " + summary);
        assertEquals("", big.get("stderr").getAsString());
        assertTrue(big.get("seconds").getAsDouble() < 60, "10 MB of text should not take a minute: " + summary);
    }

    @Test
    void printedTextArrivesBeforeTheCellsValue() {
        JsonObject order = part("interleaving");
        assertEquals(List.of("42"), strings(order.get("results")), order.toString());
        assertEquals("ac\n", order.get("stdout_before_result").getAsString(), "stdout before the value: " + order.get("order"));
        assertEquals("b", order.get("stderr_before_result").getAsString(), "stderr before the value: " + order.get("order"));
    }

    @Test
    void exitAndHaltFailTheCellNotTheKernel() {
        JsonObject exits = part("exits");
        for (String[] c : new String[][] {{"system_exit", "System.exit(3)", "7"}, {"halt", "halt", "7"},
                                          {"runtime_exit", "exit(2)", "8"}}) {
            JsonObject kase = exits.getAsJsonObject(c[0]);
            assertFalse(kase.has("died"), c[0] + " killed the kernel");
            JsonObject exit = kase.getAsJsonObject("exit");
            assertEquals("error", text(exit, "status"), c[0] + ": " + exit);
            assertEquals("SystemExit", text(exit, "ename"), c[0] + ": " + exit);
            assertTrue(text(exit, "evalue").contains(c[1]), c[0] + ": the message should mention " + c[1] + ": " + text(exit, "evalue"));
            assertShows(c[2], kase.getAsJsonObject("after"), "keep after " + c[0]);
        }
    }

    @Test
    void aReplacedSystemOutOrErrIsBackInTheNextCell() {
        JsonObject exits = part("exits");
        assertFalse(exits.has("streams_died"), "replacing System.out killed the kernel");
        assertShows("14", exits.getAsJsonObject("after_set_out"), "keep * 2 after System.setOut(null)");
        JsonObject println = exits.getAsJsonObject("println_after_set_out");
        assertEquals("ok", text(println, "status"), println.toString());
        assertEquals("still here\n", println.get("stdout").getAsString(), "System.out after System.setOut(null)");
        JsonObject err = exits.getAsJsonObject("println_err_after_set_err");
        assertEquals("ok", text(err, "status"), err.toString());
        assertEquals("err back\n", err.get("stderr").getAsString(), "System.err after System.setErr(a null stream)");
    }

    @Test
    void readingSystemInAsksTheFrontendForInput() {
        JsonObject input = part("input");
        for (String[] c : new String[][] {{"scanner", "hello Ada"}, {"reader", "Grace"}}) {
            JsonObject cell = input.getAsJsonObject(c[0]);
            JsonArray requests = cell.getAsJsonArray("input_requests");
            assertEquals(1, requests.size(), c[0] + ": one input_request expected on the stdin channel: " + cell);
            JsonObject request = requests.get(0).getAsJsonObject();
            assertEquals("input_request", text(request, "msg_type"));
            assertTrue(request.get("parent_is_cell").getAsBoolean(), "the input_request should answer the cell's request");
            assertShows(c[1], cell, c[0]);
        }
    }

    @Test
    void withoutStdinReadingSystemInFailsQuicklyAndSaysWhy() {
        JsonObject input = part("input");
        JsonObject cell = input.getAsJsonObject("no_stdin");
        assertFalse(cell.has("interrupted"), "the cell waited for input the frontend cannot give (interrupted after 20 s)");
        assertEquals("error", text(cell, "status"), cell.toString());
        assertTrue(String.valueOf(text(cell, "evalue")).contains("keyboard input"), "the message should say the frontend"
                + " allows no keyboard input: " + text(cell, "evalue"));
        assertTrue(cell.get("seconds").getAsDouble() < 10, "took " + cell.get("seconds") + " s");
        assertShows("2", input.getAsJsonObject("after_no_stdin"), "the next cell");
    }

    @Test
    void completionKnowsNamesDeclaredEarlierInTheSameCell() {
        JsonObject completion = part("completion");
        for (String[] c : new String[][] {{"method_of_local", "toUpperCase("}, {"local_variable", "counter"},
                                          {"method_declared", "twice("}, {"class_declared", "Box"}}) {
            JsonObject reply = completion.getAsJsonObject(c[0]);
            assertTrue(strings(reply.get("matches")).contains(c[1]), c[0] + ": " + c[1] + " missing from " + reply.get("matches"));
            assertEquals(reply.get("word_start").getAsInt(), reply.get("cursor_start").getAsInt(),
                    c[0] + ": the match should replace the partial word");
        }
    }

    @Test
    void fillingTheHeapFailsTheCellSaysHowToRaiseItAndTheKernelLivesOn() {
        JsonObject heap = part("heap");
        JsonObject hog = heap.getAsJsonObject("hog");
        assertFalse(hog.has("interrupted"), "filling the heap did not end by itself within 180 s");
        assertEquals("error", text(hog, "status"), hog.toString());
        assertEquals("java.lang.OutOfMemoryError", text(hog, "ename"), hog.toString());
        String message = text(hog, "evalue") + "\n" + String.join("\n", strings(hog.get("traceback")));
        assertTrue(message.contains("--heap"), "the error should say how to raise the limit (--heap): " + message);
        if (installedWithHeap) {
            // The limit in MiB or MB, as set (256) or as the JVM reports it (Runtime.maxMemory() leaves out a
            // survivor space: 247 MiB for -Xmx256m); a figure off by more than 10 % is not this limit.
            Matcher size = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(MiB|MB|m\\b|M\\b)").matcher(message);
            boolean named = false;
            while (size.find()) {
                named |= Math.abs(Double.parseDouble(size.group(1)) - 256) <= 25.6;
            }
            assertTrue(named, "the error should name the limit (installed with --heap " + HEAP + "): " + message);
        }
        assertShows("5", heap.getAsJsonObject("after"), "hog = null; survive");
    }

    @Test
    void theKernelspecBoundsTheJavaHeapAndJavaCppsNativeMemory() {
        List<String> flags = strings(seen.getAsJsonObject("spec").get("jvm_flags"));
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("-Xmx")), "no -Xmx in " + flags);
        if (installedWithHeap) {
            assertTrue(flags.contains("-Xmx" + HEAP), "installed with --heap " + HEAP + ": " + flags);
        }
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("-Dorg.bytedeco.javacpp.maxbytes=")), "no JavaCPP maxbytes in " + flags);
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("-Dorg.bytedeco.javacpp.maxphysicalbytes=")),
                "no JavaCPP maxphysicalbytes in " + flags);
    }
}
