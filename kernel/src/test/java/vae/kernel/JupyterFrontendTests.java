package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a learner does in JupyterLab 4 or Notebook 7 ({@link JupyterFrontend}: the project's {@code .venv/}, one server
 * and one headless Chromium for the whole class), tried in the page: notebooks 03, 04, 10 and 11 (the solutions, copied
 * to a temporary folder, on the notebooks' test settings) run all their cells with no error output; every slider and
 * toggle button in them changes its picture when moved with the mouse (and with the keyboard where {@link #keyboard()});
 * after a reload of the page the widgets come back from the kernel and still drive their pictures; and in a small
 * scratch notebook Tab completes, an interrupt stops {@code while (true) {}} and keeps the kernel and its variables,
 * and {@code new Scanner(System.in).nextLine()} shows an input box and receives what is typed. Screenshots are kept in
 * {@code target/browser-test/}. Skipped where Chromium or the virtual environment is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JupyterFrontendTests {
    static final List<String> NOTEBOOKS = List.of("03-sigma-and-z.ipynb", "04-sampled-gaussians.ipynb",
            "10-why-learn-mu-and-sigma.ipynb", "11-the-latent-space.ipynb");
    static final String SCRATCH = "scratch.ipynb";

    private Path tmp;
    private JupyterFrontend jupyter;
    private JupyterFrontend.Page scratch;
    /** The notebooks' tabs, opened together with their cells running, each closed by its test. */
    private final Map<String, JupyterFrontend.Page> running = new HashMap<>();
    private long started;

    abstract JupyterFrontend.App app();

    /** Whether each widget is also moved with the keyboard (not in Notebook 7, whose shortcuts take the arrow keys). */
    abstract boolean keyboard();

    @BeforeAll
    void start() throws Exception {
        String missing = JupyterFrontend.missing(app());
        Assumptions.assumeTrue(missing == null, "Skipping the " + app().title + " browser tests: needs " + missing);
        started = System.nanoTime();
        tmp = Files.createTempDirectory("vae-" + app().shortName + "-test");
        jupyter = new JupyterFrontend(app(), tmp);
        for (String notebook : NOTEBOOKS) {
            jupyter.copySolution(notebook);
        }
        jupyter.writeNotebook(SCRATCH, "int kept = 42;", "", "");
        jupyter.start();
        System.out.printf(Locale.ROOT, "%s: server and browser up in %.1f s%n", app().title, (System.nanoTime() - started) / 1e9);
        // All four at once, each in its tab with its own kernel, as a learner may have them: one notebook's cells run
        // while the test moves another's widgets (two cores: about a minute less for each frontend).
        for (String notebook : NOTEBOOKS) {
            running.put(notebook, jupyter.openTab(notebook));
        }
        for (String notebook : NOTEBOOKS) {
            JupyterFrontend.Page page = running.get(notebook);
            page.awaitReady();
            page.js("vae.run('notebook:run-all-cells')");
        }
        System.out.printf(Locale.ROOT, "%s: the four notebooks open and running after %.1f s%n", app().title,
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stop() throws Exception {
        if (jupyter == null) {
            return;
        }
        try {
            if (scratch != null) {
                scratch.close();
            }
            for (JupyterFrontend.Page page : running.values()) {
                page.close();
            }
        } finally {
            jupyter.close();
            try (var walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.out.printf(Locale.ROOT, "%s browser tests: %.1f s in all%n", app().title, (System.nanoTime() - started) / 1e9);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"03-sigma-and-z.ipynb", "04-sampled-gaussians.ipynb", "10-why-learn-mu-and-sigma.ipynb",
            "11-the-latent-space.ipynb"})
    void notebookRunsWithoutErrorsAndEveryWidgetDrivesItsPictureAlsoAfterAReload(String notebook) throws Exception {
        long t0 = System.nanoTime();
        JupyterFrontend.Page page = running.remove(notebook);
        StringBuilder times = new StringBuilder();
        try {
            page.front();
            page.expect("every cell to have run", 300, () -> !"running".equals(page.eval("window.__vaeRun")),
                    "window.__vaeRun + '; ' + vae.status() + '; errors: ' + vae.errors()");
            lap(times, "run all done", t0);
            String run = page.js("window.__vaeRun"), errors = page.js("vae.errors()"), notRun = page.js("String(vae.notRun())");
            if (!"done true".equals(run) || !errors.isEmpty() || !"0".equals(notRun)) {
                throw page.failure("every cell run (done true) with no error output", run + "; code cells not run: " + notRun
                        + "; error output:\n" + errors, null);
            }
            page.expect("the notebook's widgets drawn, each with its picture", 60, () -> !"".equals(page.eval("vae.controls()"))
                    && "true".equals(page.eval("vae.controls().split(',').every((k, i) => vae.picture(i) !== '')")),
                    "'widgets: ' + vae.controls() + '; ' + vae.status()");
            String kinds = page.js("vae.controls()");
            String kernel = page.js("vae.kernel().id");
            moveEach(page, kinds, true);
            lap(times, "mouse", t0);
            if (keyboard()) {
                moveEach(page, kinds, false);
                lap(times, "keyboard", t0);
            }
            page.screenshot("widgets");

            page.reload();
            page.expect("the widgets back after the reload (" + kinds + "), each with its picture", 90,
                    () -> kinds.equals(page.eval("vae.controls()")) && "true".equals(page.eval(
                            "vae.controls().split(',').every((k, i) => vae.picture(i) !== '')")),
                    "'widgets: ' + vae.controls() + '; ' + vae.status()");
            lap(times, "reload", t0);
            assertEquals(kernel, page.js("vae.kernel().id"), "the same kernel after the reload");
            moveEach(page, kinds, true);
            lap(times, "mouse again", t0);
            page.screenshot("reloaded");
            System.out.printf(Locale.ROOT, "%s, %s [%s]: %s%n", app().title, notebook, kinds, times);
        } finally {
            page.close();
        }
    }

    /** Notes how long a step took (and the steps before it together), for the times the test prints. */
    private static void lap(StringBuilder times, String step, long t0) {
        times.append(times.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s", step, (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Moves every widget of the page once, with the mouse (a slider's handle dragged, a button clicked) or the keyboard
     * (an arrow key in a focused handle, Space on a focused button), and waits for its picture to change each time.
     */
    private void moveEach(JupyterFrontend.Page page, String kinds, boolean mouse) throws Exception {
        String[] kind = kinds.split(",");
        for (int i = 0; i < kind.length; i++) {
            String before = page.js("vae.picture(" + i + ")"), value = page.js("vae.value(" + i + ")");
            String label = page.js("vae.label(" + i + ")");
            String how;
            switch (kind[i]) {
                case "slider" -> {
                    String[] room = page.js("vae.room(" + i + ")").split(" ");
                    int direction = Integer.parseInt(room[0]), dx = direction * Math.max(Integer.parseInt(room[1]) / 6, 12);
                    if (mouse) {
                        // JupyterLab's windowed notebook may move a cell under the mouse while it drags (a cell above
                        // redrawn): a drag that moved nothing is tried again, at most three times, saying so
                        for (int attempt = 1; ; attempt++) {
                            page.drag("vae.target(" + i + ")", dx);
                            if (attempt == 3 || valueChanges(page, i, value)) break;
                            System.out.println(label + ": the drag moved nothing (the page moved under the mouse?), dragging again");
                        }
                        how = "dragging its handle " + dx + " px";
                    } else {
                        page.js("vae.target(" + i + ").focus(), 'focused'");
                        String key = direction > 0 ? "ArrowRight" : "ArrowLeft";
                        page.key(key, key, direction > 0 ? 39 : 37, null);
                        how = "pressing " + key + " in its focused handle";
                    }
                }
                case "toggle-buttons" -> {
                    if (mouse) {
                        page.click("vae.target(" + i + ")");
                        how = "clicking a button that was not pressed";
                    } else {
                        page.js("vae.target(" + i + ").focus(), 'focused'");
                        page.key(" ", "Space", 32, " ");
                        how = "pressing Space on a focused button that was not pressed";
                    }
                }
                default -> throw page.failure("sliders and toggle buttons, the widgets this test moves",
                        "a " + kind[i] + " (" + label + "): teach JupyterFrontendTests.moveEach to move it", null);
            }
            int c = i;
            page.expect("the picture of " + label + " (at " + value + ") to change after " + how, 30, () -> {
                String now = page.eval("vae.picture(" + c + ")");
                return now != null && !now.isEmpty() && !now.equals(before);
            }, "'" + label + " at ' + vae.value(" + c + ") + ', picture ' + vae.picture(" + c + ") + ' (before: " + before + ")'");
            settle(page, c);
            String after = page.js("vae.value(" + i + ")");
            if (after.equals(value)) {
                throw page.failure(label + " to show a new value after " + how, "still " + value, null);
            }
        }
    }

    /** Whether control {@code i} shows another value than {@code value} within 5 s. */
    private static boolean valueChanges(JupyterFrontend.Page page, int i, String value) throws Exception {
        for (int wait = 0; wait < 50; wait++) {
            String now = page.eval("vae.value(" + i + ")");
            if (now != null && !now.equals(value)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits until the kernel is idle and the picture has stayed the same for 0.3 s (a drag sends several values). */
    private static void settle(JupyterFrontend.Page page, int control) throws Exception {
        String last = null;
        int same = 0;
        for (int i = 0; i < 100 && same < 3; i++) {
            Thread.sleep(100);
            String now = page.eval("vae.kernel().status + ' ' + vae.picture(" + control + ")");
            same = now != null && now.startsWith("idle ") && now.equals(last) ? same + 1 : 0;
            last = now;
        }
    }

    /** The scratch notebook, opened once, its first cell ({@code int kept = 42;}) run. */
    private JupyterFrontend.Page scratch() throws Exception {
        if (scratch == null) {
            scratch = jupyter.open(SCRATCH);
            scratch.front();
            runCell(scratch, 0, "int kept = 42;");
            awaitRun(scratch, 0, "int kept = 42; to run");
        }
        scratch.front();
        return scratch;
    }

    /** Puts {@code source} into code cell {@code index} and runs it from the page (Run ▸ Run Selected Cell). */
    private static void runCell(JupyterFrontend.Page page, int index, String source) {
        page.js("(() => { const nb = vae.nb(); nb.widgets[" + index + "].model.sharedModel.setSource("
                + JupyterFrontend.quote(source) + "); nb.activeCellIndex = " + index + "; nb.mode = 'command';"
                + " return vae.run('notebook:run-cell'); })()");
    }

    private static void awaitRun(JupyterFrontend.Page page, int index, String expected) {
        page.expect(expected, 60, () -> !"running".equals(page.eval("window.__vaeRun"))
                        && "idle".equals(page.eval("vae.kernel().status")),
                "window.__vaeRun + '; ' + vae.status() + '; output: ' + vae.cellText(" + index + ")");
    }

    @Test
    void tabCompletesInACell() throws Exception {
        JupyterFrontend.Page page = scratch();
        page.js("(() => { const nb = vae.nb(); const cell = nb.widgets[1]; cell.model.sharedModel.setSource('');"
                + " nb.activeCellIndex = 1; nb.mode = 'edit'; cell.editor.focus(); return 'editing'; })()");
        String focus = "(document.activeElement ? document.activeElement.className : 'nothing') + ' has the focus'";
        String inEditor = "vae.nb().widgets[1].editor.hasFocus()";
        page.expect("the cell's editor to have the focus", 10, () -> "true".equals(page.eval(inEditor)), focus);
        page.type("Math.ma");
        String list = "!!document.querySelector('.jp-Completer:not(.lm-mod-hidden) .jp-Completer-item[data-value=\"max(\"]')";
        // Tab again, after a look at where the focus is, should the list have closed before it was seen (once seen
        // hidden in Notebook 7, with the list filled: something took the focus from the editor for a moment).
        for (int attempt = 1; attempt <= 3 && !"true".equals(page.eval(list)); attempt++) {
            if (attempt > 1) {
                System.out.println(app().title + ": no completion list seen after Tab " + (attempt - 1) + "; "
                        + page.eval(focus) + "; pressing Tab again");
            }
            page.js("vae.nb().widgets[1].editor.focus(), 'focused'");
            page.key("Tab", "Tab", 9, null);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end && !"true".equals(page.eval(list))) {
                Thread.sleep(100);
            }
        }
        page.expect("a completion list offering max( after Tab at the end of Math.ma", 1, () -> "true".equals(page.eval(list)),
                "(document.querySelector('.jp-Completer') || {outerHTML: 'no completer'}).outerHTML"
                        + " + '; the cell: ' + vae.nb().widgets[1].model.sharedModel.getSource() + '; ' + " + focus);
        page.key("Enter", "Enter", 13, null);
        page.expect("the cell to read Math.max( once Enter took the completion", 10, () -> "Math.max(".equals(
                page.eval("vae.nb().widgets[1].model.sharedModel.getSource()")), "vae.nb().widgets[1].model.sharedModel.getSource()");
        page.key("Escape", "Escape", 27, null);
        page.screenshot("completion");
    }

    @Test
    void interruptStopsAnEndlessLoopAndKeepsTheKernelAndItsVariables() throws Exception {
        JupyterFrontend.Page page = scratch();
        String kernel = page.js("vae.kernel().id");
        runCell(page, 1, "while (true) {}");
        page.expect("the kernel busy with while (true) {}", 30, () -> "busy".equals(page.eval("vae.kernel().status")), "vae.status()");
        Thread.sleep(500);
        page.js("jupyterapp.commands.execute('notebook:interrupt-kernel').then(() => 'interrupting')"); // Kernel ▸ Interrupt
        awaitRun(page, 1, "the loop to stop after the interrupt");
        String out = page.js("vae.cellText(1)");
        if (!out.contains("Interrupted")) {
            throw page.failure("the cell to say it was Interrupted", out, null);
        }
        assertEquals(kernel, page.js("vae.kernel().id"), "the same kernel after the interrupt");
        runCell(page, 2, "kept + 1");
        awaitRun(page, 2, "kept + 1 to run");
        String sum = page.js("vae.cellText(2)");
        if (!sum.equals("text/plain: 43")) {
            throw page.failure("kept + 1 to show 43 (kept survived the interrupt)", sum, null);
        }
        page.screenshot("interrupt");
    }

    @Test
    void scannerOnSystemInShowsAnInputBoxAndReceivesWhatIsTyped() throws Exception {
        JupyterFrontend.Page page = scratch();
        runCell(page, 2, "String line = new Scanner(System.in).nextLine();\nSystem.out.println(\"got \" + line);\nline.length()");
        page.expect("an input box under the cell", 30, () -> "true".equals(page.eval(
                "!!vae.nb().widgets[2].node.querySelector('.jp-Stdin-input')")), "vae.cellText(2)");
        page.js("vae.nb().widgets[2].node.querySelector('.jp-Stdin-input').focus(), 'focused'");
        page.type("hello from the page");
        page.key("Enter", "Enter", 13, "\r");
        awaitRun(page, 2, "the cell to finish once Enter sent the line");
        String out = page.js("vae.cellText(2)");
        if (!out.contains("got hello from the page") || !out.contains("text/plain: 19")) {
            throw page.failure("got hello from the page printed and its length 19 shown", out, null);
        }
        page.screenshot("input");
        page.js("vae.nb().widgets[2].model.outputs.clear(), 'cleared'"); // and the spent input box with it
    }
}
