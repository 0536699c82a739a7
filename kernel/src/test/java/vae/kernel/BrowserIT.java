package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/**
 * A learner's view: Jupyter Notebook on 127.0.0.1 with the kernel, a notebook opened in headless Chromium, all cells
 * run from the page, and the chart checked as an image in the page. The screenshot is kept in
 * {@code target/browser-test/notebook-chart.png}. Skipped where Jupyter Notebook or Chromium is absent.
 */
class BrowserIT {
    @TempDir
    Path tmp;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Chromium's profile, outside @TempDir: its helpers may still write there while JUnit cleans up. */
    private Path profile;

    @AfterEach
    void stop() throws Exception {
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
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
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

    private Process start(List<String> command, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Timed out after " + seconds + " s waiting for " + what);
    }

    private String get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void chartIsShownWhenTheNotebookRunsInTheBrowser() throws Exception {
        String python = KernelIT.python();
        String chromium = chromium();
        Assumptions.assumeTrue(python != null && notebookInstalled(python) && chromium != null,
                "Skipping the browser test: needs Jupyter Notebook and Chromium (Debian: apt-get install jupyter-notebook chromium)");
        Path data = tmp.resolve("data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
        Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
        Files.writeString(notebooks.resolve("chart.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5,
                 "metadata": {"kernelspec": {"name": "vae-java", "display_name": "Java (VAE notebooks)", "language": "java"}},
                 "cells": [{"cell_type": "code", "id": "chart", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": "var chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title(\\"Loss\\").build();\\nchart.addSeries(\\"train\\", new double[]{1, 2, 3, 4}, new double[]{4, 2, 1.5, 1.2});\\nchart"}]}
                """);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString(),
                "JUPYTER_CONFIG_DIR", Files.createDirectories(tmp.resolve("config")).toString(),
                "JUPYTER_RUNTIME_DIR", Files.createDirectories(tmp.resolve("runtime")).toString(),
                "VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString());
        start(List.of(python, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", "--port=" + port,
                "--NotebookApp.token=", "--NotebookApp.password=", "--allow-root", "--notebook-dir=" + notebooks),
                env, tmp.resolve("jupyter.log"));
        String base = "http://127.0.0.1:" + port;
        waitFor("Jupyter Notebook at " + base, 60, () -> get(base + "/api") != null);

        profile = Files.createTempDirectory("vae-browser-test-chromium");
        start(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--window-size=1000,800", base + "/notebooks/chart.ipynb"), Map.of(), tmp.resolve("chromium.log"));
        Path portFile = profile.resolve("DevToolsActivePort");
        waitFor("Chromium's DevToolsActivePort", 60, () -> Files.isRegularFile(portFile) && readQuietly(portFile).contains("\n"));
        String devtools = "http://127.0.0.1:" + readQuietly(portFile).lines().findFirst().orElseThrow();
        String[] socketUrl = new String[1];
        waitFor("the notebook page in Chromium", 60, () -> {
            String list = get(devtools + "/json/list");
            if (list == null) {
                return false;
            }
            for (JsonElement e : JsonParser.parseString(list).getAsJsonArray()) {
                JsonObject t = e.getAsJsonObject();
                if ("page".equals(t.get("type").getAsString()) && t.get("url").getAsString().contains("chart.ipynb")) {
                    socketUrl[0] = t.get("webSocketDebuggerUrl").getAsString();
                    return true;
                }
            }
            return false;
        });
        try (Cdp page = new Cdp(http, socketUrl[0])) {
            waitFor("the kernel to connect in the page", 90, () -> "true".equals(page.eval(
                    "String(typeof Jupyter !== 'undefined' && !!Jupyter.notebook && !!Jupyter.notebook.kernel"
                            + " && Jupyter.notebook.kernel.is_connected())")));
            page.eval("Jupyter.notebook.execute_all_cells(), 'started'");
            waitFor("the chart image in the page", 120, () -> !"0".equals(page.eval(
                    "String(document.querySelectorAll('.output_png img').length)")));
            Thread.sleep(500); // let the image decode before measuring and taking the picture
            assertEquals("400x300", page.eval("(() => { const i = document.querySelector('.output_png img');"
                    + " return i.naturalWidth + 'x' + i.naturalHeight; })()"));
            String prompt = page.eval("document.querySelector('.input_prompt').textContent");
            assertTrue(prompt.contains("[1]"), "the cell ran once: " + prompt);
            JsonObject shot = page.call("Page.captureScreenshot", new JsonObject());
            Path out = Path.of("target", "browser-test", "notebook-chart.png");
            Files.createDirectories(out.getParent());
            Files.write(out, Base64.getDecoder().decode(shot.get("data").getAsString()));
            assertTrue(Files.size(out) > 10_000, "screenshot " + out.toAbsolutePath());
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
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
