package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/**
 * A class on a real JupyterHub (Debian's jupyterhub 3.0, the proxy from npm) on 127.0.0.1, configured by
 * {@code deploy/jupyterhub/jupyterhub_config.py} with DummyAuthenticator and SimpleLocalProcessSpawner:
 * {@code src/test/python/drive_hub.py} logs in {@value #LEARNERS} learners at once, each starts a server through the
 * hub's REST API and runs notebook 09 in test settings over the kernel's websocket, and every test checks one part of
 * what it saw. Skipped, saying why, where jupyterhub or npm is missing or the proxy cannot be installed.
 */
class JupyterHubIT {
    /** Learners at once: on this 2-core machine the whole test takes 35-41 s with 4 (README, "A class on JupyterHub"). */
    static final int LEARNERS = 4;

    @TempDir
    static Path tmp;
    static JsonObject seen;

    /**
     * Debian's proxy where it starts with this machine's Node.js; else the one from npm, into target/hub-test (kept
     * between runs): Debian's fails with "Cannot find module 'commander'" under a Node.js from NodeSource.
     */
    static Path proxy() throws Exception {
        if (runs("configurable-http-proxy", "--version")) {
            return Path.of("configurable-http-proxy");
        }
        Path dir = Path.of("target", "hub-test").toAbsolutePath();
        Path bin = dir.resolve("node_modules/.bin/configurable-http-proxy");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Files.createDirectories(dir);
        try {
            Process p = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", "configurable-http-proxy@4").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                Assumptions.abort("Skipping the JupyterHub test: npm could not install configurable-http-proxy@4:\n" + out);
            }
        } catch (IOException e) {
            Assumptions.abort("Skipping the JupyterHub test: no npm here (apt-get install npm, or Node.js from nodejs.org)");
        }
        return bin;
    }

    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Every process whose environment carries this run's VAE_HUB_RUN (the driver marks all it starts). */
    static List<Long> marked(String runId) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            try {
                String env = new String(Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ")));
                if (env.contains("VAE_HUB_RUN=" + runId + "\0")) {
                    pids.add(h.pid());
                }
            } catch (Exception ignored) {
                // gone, or not ours to read
            }
        });
        return pids;
    }

    @BeforeAll
    static void runAClass() throws Exception {
        String python = "/usr/bin/python3";
        Assumptions.assumeTrue(runs(python, "-c", "import jupyterhub, tornado, notebook"), "Skipping the JupyterHub"
                + " test: Debian's python3 cannot import jupyterhub. On Debian: apt-get install jupyterhub jupyter-notebook");
        Assumptions.assumeTrue(runs("jupyterhub", "--version"), "Skipping the JupyterHub test: no jupyterhub command");
        Path proxy = proxy();
        Path prefix = tmp.resolve("kernel-prefix");
        Installer.install(prefix.resolve("share").resolve("jupyter"), Installer.currentJava(), KernelIT.kernelClasspath(), false);
        String notebook;
        try (var files = Files.list(Path.of("..", "notebooks", "solutions"))) {
            notebook = files.filter(f -> f.getFileName().toString().startsWith("09-")).findFirst().orElseThrow().toString();
        }
        Process p = new ProcessBuilder(python, "src/test/python/drive_hub.py", "--hub-dir", tmp.resolve("hub").toString(),
                "--proxy", proxy.toString(), "--kernel-prefix", prefix.toString(), "--learners", Integer.toString(LEARNERS),
                notebook).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(200, TimeUnit.SECONDS), "driver timed out");
        } finally {
            // The driver kills what it started; should it itself be stopped, nothing it started may outlive the test.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("drive_hub.py printed no JSON:\n" + output));
        seen = JsonParser.parseString(json).getAsJsonObject();
        List<Long> left = marked(seen.get("run_id").getAsString());
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertEquals(0, p.exitValue(), "drive_hub.py failed:\n" + output);
        assertEquals(List.of(), left, "processes of the hub still running after the driver");
        assertFalse(seen.has("failed"), () -> seen.get("failed").getAsString() + "\nhub log: " + tmp.resolve("hub/hub.log"));
    }

    private static Map<String, JsonObject> learners() {
        var all = new java.util.TreeMap<String, JsonObject>();
        seen.getAsJsonObject("learners").entrySet().forEach(e -> all.put(e.getKey(), e.getValue().getAsJsonObject()));
        return all;
    }

    @Test
    void everyLearnerLogsInAndGetsAServerWithTheNotebooksInTheirHome() {
        assertEquals(LEARNERS, learners().size());
        learners().forEach((name, l) -> {
            assertFalse(l.has("failed"), name + ": " + l);
            assertTrue(l.get("logged_in").getAsBoolean(), name + " could not log in: " + l);
            var copied = l.getAsJsonArray("notebooks_copied").asList().stream().map(e -> e.getAsString()).toList();
            assertTrue(copied.contains("09-loss-and-training.ipynb"), name + ": " + copied);
            assertFalse(copied.contains("solutions"), name + " got the solutions: " + copied);
        });
    }

    @Test
    void everyLearnersKernelRunsWithinTheMemoryAndCpuLimitsOfTheConfig() {
        Assumptions.assumeTrue(seen.get("cgroups_writable").getAsBoolean(), "this machine lets no process make cgroups (a container"
                + " without them): the hub runs the servers without limits, as its log says");
        String parent = seen.get("cgroup_parent").getAsString();
        learners().forEach((name, l) -> {
            JsonObject limits = l.getAsJsonObject("limits");
            assertTrue(limits.has("memory_cgroup") && limits.get("memory_cgroup").getAsString().endsWith("/" + parent + "/" + name),
                    name + "'s kernel is not in its own memory cgroup: " + limits);
            assertTrue(limits.get("cpu_cgroup").getAsString().endsWith("/" + parent + "/" + name), name + ": " + limits);
            assertEquals(String.valueOf(3L << 30), limits.get("memory_limit").getAsString(), name + ": the config's 3G: " + limits);
            assertEquals("100000", limits.get("cpu_quota").getAsString(), name + ": one CPU (100 ms per 100 ms period): " + limits);
        });
    }

    @Test
    void theTestSettingsReachEveryKernelThroughTheSpawner() {
        learners().forEach((name, l) -> assertEquals("1 1000 1",
                l.getAsJsonObject("first_cell").getAsJsonArray("values").get(0).getAsString(), name + ": " + l));
    }

    @Test
    void everyLearnerRunsNotebook09WithoutAnError() {
        learners().forEach((name, l) -> {
            JsonObject run = l.getAsJsonArray("notebooks").get(0).getAsJsonObject();
            assertEquals(List.of(), run.getAsJsonArray("errors").asList().stream().map(e -> e.getAsString()).toList(), name);
            assertEquals(run.get("cells").getAsInt(), run.get("ok").getAsInt(), name + ": " + run);
        });
    }

    @Test
    void aLearnersServerAndKernelStayWithinTheMemoryTheDeploymentPlansFor() {
        // deploy/jupyterhub/README.md plans 1 GB guaranteed per learner; in test settings one holds ~0.5 GB.
        learners().forEach((name, l) -> assertTrue(l.get("after_mb").getAsInt() < 1024, name + ": " + l));
    }

    @Test
    void nothingTheHubStartedOutlivesIt() {
        assertEquals(0, seen.get("left_running").getAsInt());
    }
}
