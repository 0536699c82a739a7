package vae.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import vae.kernel.install.Installer;

/**
 * A learner's browser for the browser tests: Debian's Jupyter Notebook (with its widget extension, Debian's
 * jupyter-js-widgets 6.0, where installed: it is enabled system-wide) on 127.0.0.1 with the vae-java kernel installed,
 * and headless Chromium driven over the DevTools protocol ({@link Cdp}); or Chromium alone on a local HTML file.
 */
final class JupyterInBrowser implements AutoCloseable {
    private final Path tmp;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Cdp> pages = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();
    private String base;

    JupyterInBrowser(Path tmp) {
        this.tmp = tmp;
    }

    static String chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    static boolean notebookInstalled(String python) throws Exception {
        Process p = new ProcessBuilder(python, "-c", "import notebook").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Why the browser tests cannot run here (Chromium; Jupyter Notebook), or null. */
    static String missing(boolean jupyter) throws Exception {
        if (chromium() == null) {
            return "Chromium (Debian: apt-get install chromium)";
        }
        String python = KernelIT.python();
        if (jupyter && (python == null || !notebookInstalled(python))) {
            return "Jupyter Notebook (Debian: apt-get install jupyter-notebook)";
        }
        return null;
    }

    /** As {@link #missing(boolean)} for Jupyter, and also Debian's widget extension of the classic Notebook. */
    static String missingWidgets() throws Exception {
        String missing = missing(true);
        if (missing != null) {
            return missing;
        }
        String python = KernelIT.python();
        Process p = new ProcessBuilder(python, "-c", "import ipywidgets, widgetsnbextension").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(
                Path.of("/usr/share/jupyter/nbextensions/jupyter-js-widgets/extension.js"))) {
            return "Debian's widget extension (apt-get install python3-ipywidgets jupyter-nbextension-jupyter-js-widgets)";
        }
        return null;
    }

    /** A notebook of code cells for {@code kernel}, as nbformat 4 JSON. */
    static String notebook(String kernel, String language, String... cells) {
        JsonObject nb = new JsonObject();
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        JsonObject spec = new JsonObject();
        spec.addProperty("name", kernel);
        spec.addProperty("display_name", kernel);
        spec.addProperty("language", language);
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", spec);
        nb.add("metadata", metadata);
        JsonArray list = new JsonArray();
        for (int i = 0; i < cells.length; i++) {
            JsonObject c = new JsonObject();
            c.addProperty("cell_type", "code");
            c.addProperty("id", "cell-" + i);
            c.add("metadata", new JsonObject());
            c.add("outputs", new JsonArray());
            c.add("execution_count", null);
            c.addProperty("source", cells[i]);
            list.add(c);
        }
        nb.add("cells", list);
        return nb.toString();
    }

    /** Starts Jupyter Notebook on {@code notebooks} with the vae-java kernel installed; returns its base URL. */
    String startJupyter(Path notebooks) throws Exception {
        return startJupyter(notebooks, null);
    }

    /**
     * The same; a {@code widgetExtension} (a folder with an {@code extension.js}) goes to the data folder's
     * {@code nbextensions/jupyter-js-widgets}, which Jupyter looks in before Debian's, and replaces Debian's widget
     * extension there.
     */
    String startJupyter(Path notebooks, Path widgetExtension) throws Exception {
        Path data = tmp.resolve("jupyter-data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
        if (widgetExtension != null) {
            Path into = Files.createDirectories(data.resolve("nbextensions").resolve("jupyter-js-widgets"));
            try (var files = Files.list(widgetExtension)) {
                for (Path f : files.toList()) {
                    Files.copy(f, into.resolve(f.getFileName().toString()));
                }
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(Map.of("JUPYTER_DATA_DIR", data.toString(),
                "JUPYTER_CONFIG_DIR", Files.createDirectories(tmp.resolve("config")).toString(),
                "JUPYTER_RUNTIME_DIR", Files.createDirectories(tmp.resolve("runtime")).toString(),
                "VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString()));
        start(List.of(KernelIT.python(), "-m", "notebook", "--no-browser", "--ip=127.0.0.1", "--port=" + port,
                "--NotebookApp.token=", "--NotebookApp.password=", "--allow-root", "--notebook-dir=" + notebooks),
                env, tmp.resolve("jupyter.log"));
        base = "http://127.0.0.1:" + port;
        waitFor("Jupyter Notebook at " + base, 60, () -> get(base + "/api") != null);
        return base;
    }

    /** Opens a notebook of the Jupyter started above and waits until its kernel is connected. */
    Cdp openNotebook(String name) throws Exception {
        Cdp page = open(base + "/notebooks/" + name, name);
        waitFor("the kernel to connect in the page", 90, () -> "true".equals(page.eval(
                "String(typeof Jupyter !== 'undefined' && !!Jupyter.notebook && !!Jupyter.notebook.kernel"
                        + " && Jupyter.notebook.kernel.is_connected())")));
        return page;
    }

    /** Opens a URL in a fresh headless Chromium and returns its page, once the page's target is listed. */
    Cdp open(String url, String urlPart) throws Exception {
        Path profile = Files.createTempDirectory("vae-widget-test-chromium");
        profiles.add(profile);
        start(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--allow-file-access-from-files", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--window-size=1000,900", url), Map.of(), tmp.resolve("chromium.log"));
        Path portFile = profile.resolve("DevToolsActivePort");
        waitFor("Chromium's DevToolsActivePort", 60, () -> Files.isRegularFile(portFile) && read(portFile).contains("\n"));
        String devtools = "http://127.0.0.1:" + read(portFile).lines().findFirst().orElseThrow();
        String[] socketUrl = new String[1];
        waitFor("the page " + urlPart + " in Chromium", 60, () -> {
            String list = get(devtools + "/json/list");
            if (list == null) {
                return false;
            }
            for (JsonElement e : JsonParser.parseString(list).getAsJsonArray()) {
                JsonObject t = e.getAsJsonObject();
                if ("page".equals(t.get("type").getAsString()) && t.get("url").getAsString().contains(urlPart)) {
                    socketUrl[0] = t.get("webSocketDebuggerUrl").getAsString();
                    return true;
                }
            }
            return false;
        });
        Cdp page = new Cdp(http, socketUrl[0]);
        pages.add(page);
        return page;
    }

    /** Presses and releases a key (DevTools' Input.dispatchKeyEvent) in the element that has the focus. */
    static void press(Cdp page, String key, int keyCode) {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            JsonObject e = new JsonObject();
            e.addProperty("type", type);
            e.addProperty("key", key);
            e.addProperty("code", key);
            e.addProperty("windowsVirtualKeyCode", keyCode);
            e.addProperty("nativeVirtualKeyCode", keyCode);
            page.call("Input.dispatchKeyEvent", e);
        }
    }

    /**
     * Drags the middle of the {@code index}-th element matching {@code selector} {@code dx} pixels to the right with the
     * mouse (DevTools' Input.dispatchMouseEvent: press, ten moves, release), as a learner drags a slider's handle.
     */
    static void drag(Cdp page, String selector, int index, int dx) throws Exception {
        String at = page.eval("(() => { const r = document.querySelectorAll('" + selector + "')[" + index + "]"
                + ".getBoundingClientRect(); return Math.round(r.x + r.width / 2) + ' ' + Math.round(r.y + r.height / 2); })()");
        int x = Integer.parseInt(at.split(" ")[0]), y = Integer.parseInt(at.split(" ")[1]);
        mouse(page, "mouseMoved", x, y, 0);
        mouse(page, "mousePressed", x, y, 1);
        for (int i = 1; i <= 10; i++) {
            mouse(page, "mouseMoved", x + dx * i / 10, y, 1);
            Thread.sleep(30);
        }
        mouse(page, "mouseReleased", x + dx, y, 1);
    }

    private static void mouse(Cdp page, String type, int x, int y, int buttons) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        e.addProperty("x", x);
        e.addProperty("y", y);
        e.addProperty("button", buttons == 0 && type.equals("mouseMoved") ? "none" : "left");
        e.addProperty("buttons", buttons);
        e.addProperty("clickCount", type.equals("mouseMoved") ? 0 : 1);
        page.call("Input.dispatchMouseEvent", e);
    }

    /** Keeps a screenshot of the page under target/browser-test/. */
    static Path screenshot(Cdp page, String name) throws Exception {
        JsonObject shot = page.call("Page.captureScreenshot", new JsonObject());
        Path out = Path.of("target", "browser-test", name);
        Files.createDirectories(out.getParent());
        Files.write(out, Base64.getDecoder().decode(shot.get("data").getAsString()));
        return out;
    }

    /** What Jupyter and Chromium wrote, for a failure's message. */
    String logs() {
        return logs(tmp);
    }

    /** The ends of the server's and the kernel's logs under {@code dir}, for a failure's message (also {@link JupyterFrontend}'s). */
    static String logs(Path dir) {
        return "--- jupyter.log\n" + tail(dir.resolve("jupyter.log")) + "\n--- kernel.log\n" + tail(dir.resolve("logs").resolve("kernel.log"));
    }

    static String tail(Path p) {
        String s = read(p);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out after " + seconds + " s waiting for " + what);
    }

    private void start(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        processes.add(pb.start());
    }

    private String get(String url) {
        return get(http, url);
    }

    /** The body of a GET that answers 200 within 5 s, else null (a server still starting). */
    static String get(HttpClient http, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (Exception e) {
            return null;
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        for (Cdp page : pages) {
            try {
                page.close();
            } catch (Exception ignored) {
                // the browser may be gone already
            }
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (Path profile : profiles) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A minimal Chrome DevTools Protocol client over Java's WebSocket: call a method, wait for its result. */
    static final class Cdp implements WebSocket.Listener, AutoCloseable {
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        Cdp(HttpClient http, String url) throws Exception {
            this.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).get(30, TimeUnit.SECONDS);
        }

        JsonObject call(String method, JsonObject params) {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonObject> f = new CompletableFuture<>();
            pending.put(id, f);
            JsonObject m = new JsonObject();
            m.addProperty("id", id);
            m.addProperty("method", method);
            m.add("params", params);
            socket.sendText(m.toString(), true);
            try {
                return f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("CDP " + method + " failed: " + e, e);
            }
        }

        /** Evaluates JavaScript in the page and returns the value as a string. */
        String eval(String expression) {
            JsonObject params = new JsonObject();
            params.addProperty("expression", expression);
            params.addProperty("returnByValue", true);
            JsonObject r = call("Runtime.evaluate", params).getAsJsonObject("result");
            JsonElement v = r.get("value");
            return v == null || v.isJsonNull() ? null : v.isJsonPrimitive() ? v.getAsString() : v.toString();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject m = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                if (m.has("id")) {
                    CompletableFuture<JsonObject> f = pending.remove(m.get("id").getAsInt());
                    if (f != null) {
                        if (m.has("error")) {
                            f.completeExceptionally(new AssertionError(m.get("error").toString()));
                        } else {
                            f.complete(m.getAsJsonObject("result"));
                        }
                    }
                } else if (m.has("method") && "Page.javascriptDialogOpening".equals(m.get("method").getAsString())) {
                    // Only after Page.enable: a page asking before it unloads (unsaved changes) would block every call.
                    JsonObject answer = new JsonObject();
                    answer.addProperty("id", ids.incrementAndGet());
                    answer.addProperty("method", "Page.handleJavaScriptDialog");
                    JsonObject accept = new JsonObject();
                    accept.addProperty("accept", true);
                    answer.add("params", accept);
                    ws.sendText(answer.toString(), true);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
