package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/**
 * The widget protocol of ipywidgets 7 and 8 (JupyterLab 3/4, Notebook 7, VS Code), checked with the ipywidgets
 * project's own JavaScript from npm ({@link WidgetJs}). {@code src/test/python/widget_frontend.py} plays such a
 * frontend against the installed kernel (every kind of widget of the library is made, moved, clicked and asked for its
 * state), and {@code src/test/js/check-widgets.mjs} validates every message the kernel sent against
 * {@code @jupyter-widgets/schema}. A notebook executed by nbconvert (nbclient, which saves the widgets' state in the
 * notebook) validates too, and its HTML renders the widgets in headless Chromium with
 * {@code @jupyter-widgets/html-manager}, as a shared notebook does; without the saved state the HTML shows the
 * widget's picture. Skipped where Jupyter's client, node and npm (or, for the page, Chromium) are absent.
 */
class JupyterWidgetsJsIT {
    @TempDir
    static Path tmp;
    static Path data;

    /** One cell per kind of widget, as a lesson would use them. */
    static final List<String> CELLS = List.of("""
            import vae.kernel.widgets.*;
            import java.awt.image.BufferedImage;
            BufferedImage digit(int value) {
                var image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                var g = image.createGraphics();
                g.drawString(String.valueOf(value), 10, 20);
                g.dispose();
                return image;
            }""", """
            var z = new IntSlider(3, 0, 9).description("z");
            var picture = new Image(digit(3)).width("112");
            z.observe(change -> picture.value(digit(change.newValue())));
            display(z);
            picture""", """
            var sigma = new FloatSlider(0.5, 0.1, 2.0).step(0.1).description("σ");
            var beta = new FloatLogSlider(1.0, -2, 2).description("β");
            var label = new Label("σ = 0.5");
            sigma.observe(change -> label.value(String.format("σ = %.1f", change.newValue())));
            display(sigma);
            display(beta);
            label""", """
            var model = new Dropdown<>(List.of("MLP", "convolutional")).description("model");
            var digits = new ToggleButtons<>(Map.of("ones", 1, "sevens", 7));
            var showMu = new Checkbox(true).description("show μ");
            display(model);
            display(digits);
            showMu""", """
            var html = new HTML("<b>z = μ + σ·ε</b>");
            var sample = new Button("Sample").onClick(b -> html.value("<b>clicked</b>"));
            display(sample);
            html""");

    @BeforeAll
    static void prepare() throws Exception {
        String python = KernelIT.python();
        Assumptions.assumeTrue(python != null, "Skipping the ipywidgets 7/8 tests: no python3 with jupyter_client"
                + " (Debian: apt-get install python3-jupyter-client)");
        String missing = WidgetJs.install();
        Assumptions.assumeTrue(missing == null, "Skipping the ipywidgets 7/8 tests: needs " + missing);
        data = tmp.resolve("jupyter-data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
    }

    static JsonObject check(Path session) throws Exception {
        WidgetJs.Run check = WidgetJs.node("check-widgets.mjs", session.toString());
        JsonObject result = JsonParser.parseString(check.output().lines().filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(check.output()))).getAsJsonObject();
        assertEquals(new JsonArray(), result.getAsJsonArray("errors"), "check-widgets.mjs on " + session);
        assertEquals(0, check.code(), check.output());
        return result.getAsJsonObject("checked");
    }

    /** Plays the frontend ({@code v7} or {@code v8}) through the cells; returns what it kept, as widget_frontend.py wrote it. */
    static JsonObject session(String frontend, List<String> cells) throws Exception {
        return session(tmp, data, frontend, frontend, cells, 3);
    }

    /**
     * Runs widget_frontend.py in {@code dir} against the kernel installed in {@code data}; its session is kept in
     * {@code dir/<name>-session.json}. The lessons' small settings apply.
     */
    static JsonObject session(Path dir, Path data, String name, String frontend, List<String> cells, int moves) throws Exception {
        Path cellsFile = dir.resolve(name + "-cells.json"), out = dir.resolve(name + "-session.json");
        Files.writeString(cellsFile, new Gson().toJson(cells));
        Map<String, String> env = new java.util.HashMap<>(LessonWidgets.SMALL);
        env.put("JUPYTER_DATA_DIR", data.toString());
        env.put("VAE_KERNEL_LOG_DIR", dir.resolve("logs").toString());
        WidgetJs.Run r = WidgetJs.run(List.of(KernelIT.python(), "src/test/python/widget_frontend.py", frontend,
                cellsFile.toString(), out.toString(), String.valueOf(moves)), null, env, 300);
        assertEquals(0, r.code(), "widget_frontend.py failed:\n" + r.output());
        return JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v7", "v8"})
    void everyMessageOfTheKernelValidatesAgainstTheIpywidgetsSchema(String frontend) throws Exception {
        List<String> cells = new ArrayList<>();
        if (frontend.equals("v7")) { // ipywidgets 7 managers do not say which they are; a kernel is told
            cells.add("vae.kernel.widgets.WidgetFrontend.defaultProtocol(vae.kernel.widgets.WidgetProtocol.V7);");
        }
        cells.addAll(CELLS);
        JsonObject session = session(frontend, cells);
        assertEquals(new JsonArray(), session.getAsJsonArray("failures"), "cells and requests that did not end well");
        JsonObject checked = check(tmp.resolve(frontend + "-session.json"));
        assertTrue(checked.get("comm_open").getAsInt() >= 12, "widgets, layouts and styles opened: " + checked);
        assertEquals(10, checked.get("views").getAsInt(), "the widgets shown, each once: " + checked);
        assertTrue(checked.get("update").getAsInt() >= 3, "the picture and label redrawn by observers: " + checked);
        assertEquals(2, checked.get("update_states").getAsInt(), checked.toString());
        if (frontend.equals("v8")) {
            assertTrue(checked.get("echo_update").getAsInt() >= 3, "protocol 2.1 echoes the frontend's moves: " + checked);
        } else {
            assertEquals(0, checked.get("echo_update").getAsInt(), "protocol 2.0 has no echo_update: " + checked);
        }
        LessonWidgets.keep("kernel-round-trips-" + frontend + "-toy.json", doubles(session.getAsJsonArray("round_trips_ms")));
    }

    /** The widget cells of the lessons (notebooks 03, 04, 10, 11), as an ipywidgets 8 frontend drives them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"03-sigma-and-z.ipynb", "04-sampled-gaussians.ipynb", "10-why-learn-mu-and-sigma.ipynb",
            "11-the-latent-space.ipynb"})
    void theLessonsWidgetsSpeakValidIpywidgets8(String notebook) throws Exception {
        String name = notebook.substring(0, 2);
        JsonObject session = session(tmp, data, "lesson-" + name, "v8", LessonWidgets.cells(notebook), 5);
        assertEquals(new JsonArray(), session.getAsJsonArray("failures"), notebook + ": cells and requests that did not end well");
        JsonObject checked = check(tmp.resolve("lesson-" + name + "-session.json"));
        assertTrue(checked.get("views").getAsInt() >= 1 && checked.get("update").getAsInt() >= 1, checked.toString());
        LessonWidgets.keep("kernel-round-trips-v8-notebook-" + name + ".json", doubles(session.getAsJsonArray("round_trips_ms")));
    }

    static List<Double> doubles(JsonArray a) {
        return a.asList().stream().map(JsonElement::getAsDouble).toList();
    }

    private static WidgetJs.Run nbconvert(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(KernelIT.python(), "-m", "nbconvert"));
        cmd.addAll(List.of(args));
        WidgetJs.Run r = WidgetJs.run(cmd, tmp, Map.of("JUPYTER_DATA_DIR", data.toString(),
                "VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString()), 300);
        assertEquals(0, r.code(), "nbconvert " + String.join(" ", args) + ":\n" + r.output());
        return r;
    }

    @Test
    void aNotebookExecutedByNbconvertSavesValidWidgetStateThatTheHtmlManagerRenders() throws Exception {
        Files.writeString(tmp.resolve("saved.ipynb"), JupyterInBrowser.notebook("vae-java", "java", CELLS.get(0), CELLS.get(1),
                "z.value(5);\nz"));
        nbconvert("--execute", "--to", "notebook", "--output", "executed.ipynb", "saved.ipynb");
        JsonObject executed = JsonParser.parseString(Files.readString(tmp.resolve("executed.ipynb"))).getAsJsonObject();
        assertTrue(executed.getAsJsonObject("metadata").has("widgets"), "nbclient saved the widgets' state");
        JsonObject session = new JsonObject();
        session.addProperty("protocol", "2.1.0");
        session.add("notebook", executed);
        Files.writeString(tmp.resolve("saved-session.json"), session.toString());
        JsonObject checked = check(tmp.resolve("saved-session.json"));
        assertTrue(checked.get("saved_models").getAsInt() >= 4, checked.toString());
        assertTrue(checked.get("views").getAsInt() >= 3, checked.toString());

        // The HTML of a shared notebook: html-manager's embed script (nbconvert takes it from unpkg.com; here the
        // npm copy) and Debian's RequireJS, which nbconvert's lab template loads first.
        nbconvert("--to", "html", "--output", "executed.html",
                "--HTMLExporter.widget_renderer_url=" + WidgetJs.embedAmd().toUri(),
                "--HTMLExporter.require_js_url=file:///usr/share/javascript/requirejs/require.min.js", "executed.ipynb");
        String missing = JupyterInBrowser.missing(false);
        Assumptions.assumeTrue(missing == null, "Skipping the html-manager page: needs " + missing);
        try (JupyterInBrowser browser = new JupyterInBrowser(tmp)) {
            JupyterInBrowser.Cdp page = browser.open(tmp.resolve("executed.html").toUri().toString(), "executed.html");
            JupyterInBrowser.waitFor("html-manager's sliders", 60, () -> "2".equals(page.eval(
                    "String(document.querySelectorAll('.widget-hslider .noUi-handle').length)")));
            assertEquals("[\"5\",\"5\"]", page.eval("JSON.stringify([...document.querySelectorAll('.widget-hslider"
                    + " .widget-readout')].map(r => r.textContent))"), "both views of z show its saved value");
            JupyterInBrowser.waitFor("the saved picture", 30, () -> "28".equals(page.eval(
                    "String((document.querySelector('img.widget-image') || {}).naturalWidth)")));
            page.eval("document.querySelector('.widget-hslider .noUi-handle').focus(), 'focused'");
            JupyterInBrowser.press(page, "ArrowRight", 39);
            JupyterInBrowser.waitFor("the slider to move in the page", 10, () -> "6".equals(page.eval(
                    "document.querySelector('.widget-hslider .widget-readout').textContent")));
            JupyterInBrowser.screenshot(page, "html-manager.png");
        }

        // Without the saved state (a notebook saved by the classic Notebook, which keeps none) the HTML shows the
        // widget's picture as the image/png beside the view.
        executed.getAsJsonObject("metadata").remove("widgets");
        Files.writeString(tmp.resolve("stateless.ipynb"), executed.toString());
        nbconvert("--to", "html", "--output", "stateless.html", "stateless.ipynb");
        String html = Files.readString(tmp.resolve("stateless.html"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,"), "the picture in the HTML");
        assertTrue(!html.contains("application/vnd.jupyter.widget-view+json\">"), "no widget view without its state");
    }
}
