package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import vae.kernel.install.Installer;

/**
 * A Python script under {@code src/test/python/} that drives the kernel with Jupyter's own client, as a frontend
 * would: Debian's python3 with jupyter_client, a temporary JUPYTER_DATA_DIR for the kernelspec (and no JUPYTER_PATH,
 * which could name another vae-java first), the kernel's logs in the temporary folder, and the script's last line of
 * JSON as what it saw. The calling tests are skipped where no such python3 is found.
 */
final class PythonDriver {
    final String python;
    final Path tmp;
    /** The JUPYTER_DATA_DIR the kernel is installed into. */
    final Path data;
    /** The variables the script (and so the kernel) gets on top of this JVM's; a null value removes one. */
    final Map<String, String> env = new HashMap<>();

    private PythonDriver(String python, Path tmp) {
        this.python = python;
        this.tmp = tmp;
        this.data = tmp.resolve("jupyter-data");
        env.put("JUPYTER_DATA_DIR", data.toString());
        env.put("VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString());
        env.put("JUPYTER_PATH", null);
    }

    /** A driver working in {@code tmp}; skips the calling tests ({@code which}) where Jupyter's client is absent. */
    static PythonDriver in(Path tmp, String which) {
        String python = KernelIT.python();
        Assumptions.assumeTrue(python != null, "Skipping " + which + ": no python3 with jupyter_client and nbformat"
                + " here. On Debian: apt-get install python3-jupyter-client python3-nbclient");
        return new PythonDriver(python, tmp);
    }

    /** Installs the packaged kernel's kernelspec into {@link #data}, as {@code Main install} would. */
    PythonDriver installKernel() throws Exception {
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
        return this;
    }

    /**
     * Runs {@code command} with {@link #env}; its exit code and its output (stdout and stderr, through a file so that
     * a long output cannot block it). Fails, killing it, after {@code seconds}.
     */
    Map.Entry<Integer, String> run(List<String> command, long seconds) throws Exception {
        Path log = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in " + seconds + " s:\n" + Files.readString(log));
        }
        return Map.entry(p.exitValue(), Files.readString(log));
    }

    /** Runs {@code src/test/python/<script> args…}; fails if it fails, else returns the last line of JSON it printed. */
    JsonObject script(String script, long seconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, "src/test/python/" + script));
        command.addAll(List.of(args));
        var ran = run(command, seconds);
        String output = ran.getValue();
        assertEquals(0, ran.getKey(), script + " " + String.join(" ", args) + " failed:\n" + output);
        String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no JSON line from " + script + ":\n" + output));
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
