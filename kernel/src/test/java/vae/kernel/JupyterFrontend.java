package vae.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vae.kernel.install.Installer;

/**
 * A learner's JupyterLab 4 or Notebook 7 for the browser tests: the project's virtual environment ({@code .venv/}, made
 * by {@code ./tutorial jupyter-env} from {@code jupyter-requirements.txt}; {@code TUTORIAL_VENV} names another) serves a
 * temporary folder on 127.0.0.1 with the vae-java kernel installed into a temporary JUPYTER_PATH and the notebooks'
 * test settings ({@link LessonWidgets#SMALL}) in the kernel's environment; one headless Chromium opens a page (a tab)
 * per notebook and is driven over the DevTools protocol ({@link JupyterInBrowser.Cdp}). The server is started with
 * {@code expose_app_in_browser}, so the page's {@code window.jupyterapp} runs the menu's commands (run all, interrupt,
 * save) and tells where a notebook's cells and kernel are; mouse and keys go in as DevTools input events.
 */
final class JupyterFrontend implements AutoCloseable {
    /**
     * The two frontends: the app's name for {@code jupyter APP}, its page for a notebook ({@code {ws}}: a workspace of
     * its own for each notebook in JupyterLab, so that tabs open side by side do not restore each other's layout, and
     * {@code ?reset} an empty one), its name in messages.
     */
    enum App {
        LAB("lab", "/lab/workspaces/{ws}/tree/{nb}?reset", "JupyterLab 4", "lab", "LabApp"),
        NOTEBOOK("notebook", "/notebooks/{nb}", "Notebook 7", "notebook7", "JupyterNotebookApp");

        final String command, page, title, shortName, configClass;

        App(String command, String page, String title, String shortName, String configClass) {
            this.command = command;
            this.page = page;
            this.title = title;
            this.shortName = shortName;
            this.configClass = configClass;
        }

        String page(String notebook) {
            return page.replace("{ws}", notebook.replaceAll("[^A-Za-z0-9]", "-"))
                    .replace("{nb}", URLEncoder.encode(notebook, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    /**
     * Helpers the tests call in the page (again after each load): where the notebook's cells, outputs, widgets and
     * kernel are in JupyterLab 4's DOM and model, which Notebook 7 shares.
     */
    static final String HELPERS = """
            window.vae = {
              // The tab's notebook: the current widget, or (in a tab that has not had the focus) the main area's.
              panel: () => { if (!window.jupyterapp) { return undefined; }
                             const s = jupyterapp.shell, c = s.currentWidget;
                             return c && c.context ? c : Array.from(s.widgets('main')).find(w => w.context); },
              nb: () => vae.panel().content,
              kernel: () => { const p = vae.panel(); const s = p && p.sessionContext && p.sessionContext.session;
                              return s && s.kernel; },
              ready: path => { const p = vae.panel(), k = vae.kernel();
                               return !!(p && p.context && p.context.path === path && p.context.isReady && p.content
                                         && k && k.connectionStatus === 'connected' && k.status === 'idle'); },
              status: () => { const p = vae.panel(), k = vae.kernel();
                              return 'app ' + !!window.jupyterapp + ', document ' + (p && p.context ? p.context.path : 'none')
                                  + ', kernel ' + (k ? k.name + ' ' + k.connectionStatus + ' ' + k.status : 'none'); },
              hash: s => { let h = 0; for (let i = 0; i < s.length; i++) { h = (h * 31 + s.charCodeAt(i)) | 0; }
                           return s.length + '/' + (h >>> 0).toString(16); },
              run: command => { window.__vaeRun = 'running';
                                jupyterapp.commands.execute(command).then(r => window.__vaeRun = 'done ' + r,
                                                                          e => window.__vaeRun = 'failed ' + e);
                                return 'started'; },
              cellText: i => Array.from(vae.nb().widgets[i].node.querySelectorAll('.jp-OutputArea-output'))
                  .map(o => (o.getAttribute('data-mime-type') || o.className) + ': ' + o.textContent).join('\\n'),
              errors: () => Array.from(vae.nb().node.querySelectorAll(
                      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
                  .map(o => { const c = o.closest('.jp-Cell'); const p = c && c.querySelector('.jp-InputPrompt');
                              return (p ? p.textContent.trim() + ' ' : '') + o.textContent.trim(); }).join('\\n---\\n'),
              notRun: () => vae.nb().widgets.filter(c => c.model.type === 'code'
                      && c.model.sharedModel.getSource().trim() !== '' && c.model.executionCount == null).length,
              controls: () => {
                const all = Array.from(vae.nb().node.querySelectorAll(
                        '.widget-hslider, .widget-toggle-buttons, .widget-dropdown, .widget-checkbox, .widget-toggle-button'))
                    .filter(e => e.classList.contains('widget-toggle-buttons') || !e.closest('.widget-toggle-buttons'));
                all.forEach((e, i) => e.setAttribute('data-vae-control', i));
                return all.map(e => e.querySelector('.noUi-handle') ? 'slider'
                    : e.classList.contains('widget-toggle-buttons') ? 'toggle-buttons' : e.className).join(',');
              },
              control: i => document.querySelector('[data-vae-control="' + i + '"]'),
              label: i => { const l = vae.control(i).querySelector('.widget-label'); return l ? l.textContent : '?'; },
              picture: i => { const c = vae.control(i); const box = c.closest('.widget-interact') || c.closest('.jp-OutputArea');
                              return Array.from(box.querySelectorAll('img')).map(img => vae.hash(img.src)).join(' '); },
              value: i => { const c = vae.control(i); const r = c.querySelector('.widget-readout');
                            const a = c.querySelector('.mod-active'); return r ? r.textContent : a ? a.textContent : '?'; },
              // The slider's handle, or a toggle button that is not pressed; scrolled to the middle of the page.
              target: i => { const c = vae.control(i);
                             const t = c.querySelector('.noUi-handle') || c.querySelector('.widget-toggle-button:not(.mod-active)');
                             t.scrollIntoView({block: 'center'}); return t; },
              // Which way the slider's handle has room to go: +1 right, -1 left; and how wide its track is.
              room: i => { const h = vae.control(i).querySelector('.noUi-handle');
                           const now = +h.getAttribute('aria-valuenow'), min = +h.getAttribute('aria-valuemin'),
                                 max = +h.getAttribute('aria-valuemax');
                           const w = vae.control(i).querySelector('.noUi-target').getBoundingClientRect().width;
                           return (now <= (min + max) / 2 ? 1 : -1) + ' ' + Math.round(w); },
            };
            'helpers'""";

    private final App app;
    private final Path tmp;
    private final Path notebooks;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Page> pages = new ArrayList<>();
    private String base;
    private String devtools;

    /** The project's virtual environment: {@code TUTORIAL_VENV}, else {@code .venv/} at the repository's root. */
    static Path venv() {
        String set = System.getenv("TUTORIAL_VENV");
        return set != null && !set.isBlank() ? Path.of(set) : Path.of("..", ".venv").toAbsolutePath().normalize();
    }

    /** Why these tests cannot run here (Chromium; the virtual environment's Jupyter), or null. */
    static String missing(App app) {
        if (JupyterInBrowser.chromium() == null) {
            return "Chromium (Debian: apt-get install chromium)";
        }
        Path jupyter = venv().resolve("bin").resolve("jupyter");
        if (!Files.isExecutable(jupyter) || !Files.isRegularFile(venv().resolve("bin").resolve("jupyter-" + app.command))) {
            return app.title + " in " + venv() + " (./tutorial jupyter-env makes it from jupyter-requirements.txt;"
                    + " TUTORIAL_VENV names another virtual environment)";
        }
        return null;
    }

    JupyterFrontend(App app, Path tmp) {
        this.app = app;
        this.tmp = tmp;
        this.notebooks = tmp.resolve("notebooks");
    }

    App app() {
        return app;
    }

    /** Copies a solution notebook (notebooks/solutions/NAME) into the served folder. */
    void copySolution(String name) throws Exception {
        Files.createDirectories(notebooks);
        Files.copy(Path.of("..", "notebooks", "solutions", name), notebooks.resolve(name));
    }

    /** Writes a notebook of code cells for the vae-java kernel into the served folder. */
    void writeNotebook(String name, String... cells) throws Exception {
        Files.createDirectories(notebooks);
        Files.writeString(notebooks.resolve(name), JupyterInBrowser.notebook("vae-java", "java", cells));
    }

    /** Installs the kernel, starts the server on a free port and Chromium; returns the server's base URL. */
    String start() throws Exception {
        Files.createDirectories(notebooks);
        Path data = tmp.resolve("jupyter-data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
        Path config = tmp.resolve("config");
        // JupyterLab's news pop-up would cover the lower right corner of the page.
        Path settings = Files.createDirectories(config.resolve("lab/user-settings/@jupyterlab/apputils-extension"));
        Files.writeString(settings.resolve("notification.jupyterlab-settings"), "{\"fetchNews\": \"false\", \"checkForUpdates\": false}");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(LessonWidgets.SMALL);
        env.putAll(Map.of("JUPYTER_DATA_DIR", data.toString(), "JUPYTER_PATH", data.toString(),
                // the virtual environment's own kernelspecs (./tutorial may have installed vae-java there) come after ours
                "JUPYTER_PREFER_ENV_PATH", "0",
                "JUPYTER_CONFIG_DIR", Files.createDirectories(config).toString(),
                "JUPYTER_RUNTIME_DIR", Files.createDirectories(tmp.resolve("runtime")).toString(),
                "VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString()));
        start(List.of(venv().resolve("bin").resolve("jupyter").toString(), app.command, "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--IdentityProvider.token=", "--ServerApp.password=", "--allow-root",
                "--ServerApp.root_dir=" + notebooks, "--" + app.configClass + ".expose_app_in_browser=True"),
                env, tmp.resolve("jupyter.log"));
        base = "http://127.0.0.1:" + port;
        JupyterInBrowser.waitFor(app.title + " at " + base + "\n" + logs(), 90, () -> JupyterInBrowser.get(http, base + "/api") != null);

        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        start(List.of(JupyterInBrowser.chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--window-size=1100,900", "about:blank"), Map.of(), tmp.resolve("chromium.log"));
        Path portFile = profile.resolve("DevToolsActivePort");
        JupyterInBrowser.waitFor("Chromium's DevToolsActivePort", 60,
                () -> Files.isRegularFile(portFile) && JupyterInBrowser.read(portFile).contains("\n"));
        devtools = "http://127.0.0.1:" + JupyterInBrowser.read(portFile).lines().findFirst().orElseThrow();
        return base;
    }

    /** Opens a notebook of the served folder in a new tab and waits until its kernel is connected and idle. */
    Page open(String name) throws Exception {
        Page page = openTab(name);
        page.awaitReady();
        return page;
    }

    /** Opens a notebook of the served folder in a new tab; {@link Page#awaitReady()} waits for it. */
    Page openTab(String name) throws Exception {
        String url = base + app.page(name);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(devtools + "/json/new?" + url))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject target = JsonParser.parseString(r.body()).getAsJsonObject();
        Page page = new Page(name, target.get("id").getAsString(),
                new JupyterInBrowser.Cdp(http, target.get("webSocketDebuggerUrl").getAsString()));
        pages.add(page);
        page.cdp.call("Page.enable", new JsonObject()); // so that a dialog before unloading is answered (Cdp)
        return page;
    }

    /** What the server, the kernel and Chromium wrote, for a failure's message. */
    String logs() {
        return JupyterInBrowser.logs(tmp);
    }

    /** One notebook in one tab. */
    final class Page {
        final String name;
        final String targetId;
        final JupyterInBrowser.Cdp cdp;

        Page(String name, String targetId, JupyterInBrowser.Cdp cdp) {
            this.name = name;
            this.targetId = targetId;
            this.cdp = cdp;
        }

        /** Makes this the tab in front (the one that gets the focus, and keys), as a learner clicks it. */
        void front() {
            cdp.call("Page.bringToFront", new JsonObject());
        }

        /** Waits until the page shows this notebook with its kernel connected and idle; installs {@link #HELPERS}. */
        void awaitReady() throws Exception {
            expect("the notebook open with its kernel connected and idle", 120, () -> {
                eval(HELPERS);
                return "true".equals(eval("vae.ready(" + quote(name) + ")"));
            }, "vae.status()");
        }

        /** Evaluates JavaScript in the page; the value as a string (null for undefined or where {@code vae} is not yet there). */
        String eval(String expression) {
            JsonObject r = evaluate(expression);
            return r.has("exceptionDetails") ? null : value(r);
        }

        /** As {@link #eval}, failing with the page's exception. */
        String js(String expression) {
            JsonObject r = evaluate(expression);
            if (r.has("exceptionDetails")) {
                throw failure("JavaScript to run without an exception: " + expression, r.get("exceptionDetails").toString(), null);
            }
            return value(r);
        }

        private JsonObject evaluate(String expression) {
            JsonObject params = new JsonObject();
            params.addProperty("expression", expression);
            params.addProperty("returnByValue", true);
            params.addProperty("awaitPromise", true);
            return cdp.call("Runtime.evaluate", params);
        }

        private static String value(JsonObject evaluated) {
            JsonElement v = evaluated.getAsJsonObject("result").get("value");
            return v == null || v.isJsonNull() ? null : v.isJsonPrimitive() ? v.getAsString() : v.toString();
        }

        /**
         * Waits up to {@code seconds} for {@code condition}; else fails with what was expected and, from the page's
         * {@code whatIsThere} expression, what was there (with a screenshot and the logs).
         */
        void expect(String expected, int seconds, java.util.function.BooleanSupplier condition, String whatIsThere) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (condition.getAsBoolean()) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw failure(expected + " (waited " + seconds + " s)", eval(whatIsThere), null);
        }

        /** The failure's message: frontend, notebook, expected, there; a screenshot beside the others. */
        AssertionError failure(String expected, String there, Throwable cause) {
            String shot;
            try {
                shot = screenshot("failed").toString();
            } catch (Exception e) {
                shot = "no screenshot: " + e;
            }
            return new AssertionError(app.title + ", " + name + ": expected " + expected + "\nthe page had: " + there
                    + "\n(screenshot " + shot + ")\n" + logs(), cause);
        }

        Path screenshot(String what) throws Exception {
            return JupyterInBrowser.screenshot(cdp, app.shortName + "-" + name.replace(".ipynb", "") + "-" + what + ".png");
        }

        /** Clicks the middle of an element (scrolled into view by {@code element}, a JavaScript expression). */
        void click(String element) throws Exception {
            int[] at = centre(element);
            mouse("mouseMoved", at[0], at[1], 0);
            mouse("mousePressed", at[0], at[1], 1);
            mouse("mouseReleased", at[0], at[1], 1);
        }

        /** Drags the middle of an element {@code dx} pixels sideways with the mouse: press, ten moves, release. */
        void drag(String element, int dx) throws Exception {
            int[] at = centre(element);
            mouse("mouseMoved", at[0], at[1], 0);
            mouse("mousePressed", at[0], at[1], 1);
            for (int i = 1; i <= 10; i++) {
                mouse("mouseMoved", at[0] + dx * i / 10, at[1], 1);
                Thread.sleep(30);
            }
            mouse("mouseReleased", at[0] + dx, at[1], 1);
        }

        /**
         * The element's middle, once it is scrolled into view and is what the page has at that point (the same twice,
         * 100 ms apart: a notebook's cells below and above may still change their heights as they are drawn).
         */
        private int[] centre(String element) throws Exception {
            js("window.__vaeTarget = " + element + ", 'ok'");
            String where = "(() => { const t = window.__vaeTarget; const r = t.getBoundingClientRect();"
                    + " const x = Math.round(r.x + r.width / 2), y = Math.round(r.y + r.height / 2); const at = document.elementFromPoint(x, y);"
                    + " if (!at || !(at === t || t.contains(at))) { t.scrollIntoView({block: 'center'}); return 'hidden'; }"
                    + " return x + ' ' + y; })()";
            String before = "";
            for (int i = 0; i < 100; i++) {
                String now = js(where);
                if (!now.equals("hidden") && now.equals(before)) {
                    String[] xy = now.split(" ");
                    return new int[] {Integer.parseInt(xy[0]), Integer.parseInt(xy[1])};
                }
                before = now;
                Thread.sleep(100);
            }
            throw failure("the element " + element + " in view, to be moved with the mouse", "it stayed hidden (" + before + ")", null);
        }

        private void mouse(String type, int x, int y, int buttons) {
            JsonObject e = new JsonObject();
            e.addProperty("type", type);
            e.addProperty("x", x);
            e.addProperty("y", y);
            e.addProperty("button", buttons == 0 && type.equals("mouseMoved") ? "none" : "left");
            e.addProperty("buttons", buttons);
            e.addProperty("clickCount", type.equals("mouseMoved") ? 0 : 1);
            cdp.call("Input.dispatchMouseEvent", e);
        }

        /** Presses and releases a key in the focused element; {@code text} is what it types (a space, Enter's "\r"), or null. */
        void key(String key, String code, int keyCode, String text) {
            JsonObject down = new JsonObject();
            down.addProperty("type", text == null ? "rawKeyDown" : "keyDown");
            down.addProperty("key", key);
            down.addProperty("code", code);
            down.addProperty("windowsVirtualKeyCode", keyCode);
            down.addProperty("nativeVirtualKeyCode", keyCode);
            if (text != null) {
                down.addProperty("text", text);
                down.addProperty("unmodifiedText", text);
            }
            cdp.call("Input.dispatchKeyEvent", down);
            JsonObject up = down.deepCopy();
            up.addProperty("type", "keyUp");
            up.remove("text");
            up.remove("unmodifiedText");
            cdp.call("Input.dispatchKeyEvent", up);
        }

        /** Types text into the focused element, as an input method does (DevTools' Input.insertText). */
        void type(String text) {
            JsonObject t = new JsonObject();
            t.addProperty("text", text);
            cdp.call("Input.insertText", t);
        }

        /** Saves the notebook, reloads the page and waits for the notebook and its kernel again. */
        void reload() throws Exception {
            js("vae.panel().context.save().then(() => 'saved')");
            cdp.call("Page.reload", new JsonObject());
            Thread.sleep(500);
            awaitReady();
        }

        /** Saves, shuts the notebook's kernel down and closes the tab. */
        void close() throws Exception {
            try {
                eval("vae.panel().context.save().then(() => vae.panel().sessionContext.shutdown()).then(() => 'closed')");
            } finally {
                JupyterInBrowser.get(http, devtools + "/json/close/" + targetId);
                pages.remove(this);
                cdp.close();
            }
        }
    }

    static String quote(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("s", s);
        String json = o.toString();
        return json.substring(5, json.length() - 1);
    }

    private void start(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("JUPYTER_PATH");
        pb.environment().putAll(env);
        processes.add(pb.start());
    }

    @Override
    public void close() throws Exception {
        for (Page page : new ArrayList<>(pages)) {
            try {
                page.cdp.close();
            } catch (Exception ignored) {
                // the browser may be gone already
            }
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        // The server first (it shuts its kernels down), then what is left.
        for (ProcessHandle h : all) {
            h.destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
