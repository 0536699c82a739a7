package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;
import vae.kernel.install.IpcKernelspec;

/**
 * Frontends that start kernels over ZeroMQ's ipc transport (Google Colab; jupyter_client with transport='ipc'):
 * {@code src/test/python/ipc_session.py} starts the installed kernelspecs that way with jupyter_client. Through
 * {@code vae-java-ipc} (the pyzmq launcher in front of the JVM) a value, an interrupt, keyboard input and a widget's
 * messages both ways pass, and the launcher ends with the JVM; the plain {@code vae-java} exits at once, saying why
 * and what to choose instead; with Debian's python3 (jupyter_client 7, pyzmq 24). Then, briefly, {@code vae-java}
 * installed with {@code --ipc} (Colab's case), with the project's {@code .venv} Python where it has jupyter_client (8,
 * pyzmq 27), stopped by SIGTERM. Skipped where /usr/bin/python3 or its jupyter_client is absent.
 */
class IpcTransportIT {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && imports("/usr/bin/python3"),
                "Skipping the ipc transport test: no /usr/bin/python3 with jupyter_client here"
                        + " (Debian: apt-get install python3-jupyter-client)");
        data = tmp.resolve("jupyter-data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false); // writes both kernelspecs
    }

    private static boolean imports(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import jupyter_client, zmq").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs ipc_session.py with {@code python}; its JSON. jupyter_client replaces the spec's "python3" by this Python. */
    static JsonObject session(String python, String mode, Path data, String kernel) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(python, "src/test/python/ipc_session.py", mode, kernel).redirectErrorStream(true);
        // JUPYTER_PATH comes first in every jupyter_core, even where a virtualenv's own kernelspecs would win over the
        // user's data dir: this test's kernelspecs are the ones started.
        pb.environment().put("JUPYTER_PATH", data.toString());
        pb.environment().put("JUPYTER_DATA_DIR", data.toString());
        pb.environment().put("VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ipc_session.py timed out");
        assertEquals(0, p.exitValue(), "ipc_session.py failed:\n" + output);
        String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(output));
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(e -> e.getAsString()).toList();
    }

    @Test
    void theLauncherCarriesExecuteInterruptInputAndWidgetsOverIpc() throws Exception {
        JsonObject seen = session("/usr/bin/python3", "full", data, IpcKernelspec.NAME);
        JsonObject ipc = seen.getAsJsonObject("ipc");
        assertEquals("ipc", ipc.get("transport").getAsString());
        assertEquals(5, ipc.get("unix_sockets").getAsInt(), "the frontend's five sockets are Unix sockets: " + ipc);
        assertEquals(1, ipc.get("jvms").getAsInt(), "the launcher runs one JVM: " + ipc);
        assertEquals("/usr/bin/python3", ipc.get("launcher_python").getAsString());
        assertTrue(ipc.get("heartbeat").getAsBoolean(), "the heartbeat passes: " + ipc);
        assertEquals(List.of("2"), strings(ipc.getAsJsonObject("value").getAsJsonArray("values")));

        JsonObject input = ipc.getAsJsonObject("input");
        assertEquals("input_request", input.get("prompt_sent").getAsString());
        assertEquals(List.of("typed over ipc"), strings(input.getAsJsonArray("values")));

        JsonObject interrupt = ipc.getAsJsonObject("interrupt");
        assertEquals("Interrupted", interrupt.get("ename").getAsString(), interrupt.toString());
        assertTrue(interrupt.get("seconds").getAsDouble() < 5, interrupt.toString());
        assertEquals(List.of("42"), strings(interrupt.getAsJsonArray("after")), "the variable lives on: " + interrupt);

        JsonObject widget = ipc.getAsJsonObject("widget");
        assertTrue(widget.get("slider").getAsBoolean(), "the kernel's comm_open reached the frontend: " + widget);
        assertEquals("value 7\n", widget.get("printed").getAsString(), "the frontend's comm_msg reached the kernel: " + widget);
        assertEquals(List.of("echo_update"), strings(widget.getAsJsonArray("echo")));
        assertEquals(List.of("7"), strings(widget.getAsJsonArray("value_after")));

        assertEquals(0, ipc.get("exit_code").getAsInt(), "the launcher ends with the JVM's code after a shutdown: " + ipc);
        assertFalse(ipc.get("jvm_left").getAsBoolean());

        JsonObject plain = seen.getAsJsonObject("plain");
        assertEquals(3, plain.get("exit_code").getAsInt(), plain.toString());
        assertTrue(plain.get("seconds").getAsDouble() < 20, "the plain kernel exits at once on ipc: " + plain);
        String stderr = plain.get("stderr").getAsString();
        assertTrue(stderr.contains("\"transport\": \"ipc\"") && stderr.contains(IpcKernelspec.NAME)
                && stderr.contains(IpcKernelspec.DISPLAY_NAME), "it says why and names the way out: " + stderr);
    }

    /** The project's .venv Python where it has jupyter_client (8, pyzmq 27), else Debian's; vae-java after --ipc. */
    @Test
    void withIpcVaeJavaStartsThroughTheLauncherWhichStopsTheJvmOnSigterm() throws Exception {
        Path venv = Path.of("..", ".venv", "bin", "python").toAbsolutePath().normalize();
        String python = Files.isExecutable(venv) && imports(venv.toString()) ? venv.toString() : "/usr/bin/python3";
        Path withIpc = tmp.resolve("jupyter-data-ipc");
        Installer.install(withIpc, Installer.currentJava(), KernelIT.kernelClasspath(), false);
        IpcKernelspec.installed(withIpc, true);
        JsonObject seen = session(python, "smoke", withIpc, Installer.NAME);
        JsonObject ipc = seen.getAsJsonObject("ipc");
        assertEquals(seen.get("python").getAsString(), ipc.get("launcher_python").getAsString(),
                "jupyter_client starts the launcher with its own Python (the spec says python3)");
        assertEquals(List.of("2"), strings(ipc.getAsJsonObject("value").getAsJsonArray("values")));
        assertEquals(List.of("typed over ipc"), strings(ipc.getAsJsonObject("input").getAsJsonArray("values")));
        assertEquals(143, ipc.get("exit_code").getAsInt(), "SIGTERM stops the JVM and the launcher ends with its code: " + ipc);
        assertFalse(ipc.get("jvm_left").getAsBoolean());
        JsonObject tcp = seen.getAsJsonObject("tcp");
        assertEquals("tcp", tcp.get("transport").getAsString());
        assertTrue(tcp.get("process").getAsString().endsWith("java"), "over tcp the launcher execs the JVM: " + tcp);
        assertEquals(List.of("2"), strings(tcp.getAsJsonArray("values")));
    }
}
