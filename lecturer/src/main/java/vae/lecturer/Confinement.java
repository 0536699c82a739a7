package vae.lecturer;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vae.kernel.notebook.Notebook;

/**
 * A submission's JVM sees the whole file system read-only except its own folder, the folder its executed notebooks go
 * to (one per learner) and the lessons' cache, through bubblewrap ({@code bwrap}, Debian's {@code bubblewrap}), the sandbox Flatpak
 * uses. A write anywhere else fails in the cell with "Read-only file system": nothing outside is touched, and the run
 * is stopped there. Without a working {@code bwrap} the grader says so once and runs unconfined.
 */
final class Confinement {
    /** The exit status of a submission's JVM stopped because a cell tried to write outside its folder. */
    static final int WROTE_OUTSIDE = 86;

    private static volatile Boolean works;

    private Confinement() {}

    /** Whether bwrap is installed and can make a read-only view here (a container may forbid the namespaces it needs). */
    static boolean available() {
        if (works == null) {
            boolean ok;
            try {
                Process p = new ProcessBuilder(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "true"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
                if (p.isAlive()) p.destroyForcibly();
            } catch (java.io.IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ok = false;
            }
            works = ok;
        }
        return works;
    }

    /** {@code command} run with only {@code writable} (folders or existing files) writable. */
    static List<String> wrap(List<String> command, List<Path> writable) {
        List<String> wrapped = new ArrayList<>(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--die-with-parent"));
        for (Path p : writable) {
            String path = p.toAbsolutePath().normalize().toString();
            wrapped.addAll(List.of("--bind", path, path));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether a cell failed because it wrote where it may not (the read-only view refused it). */
    static boolean refusedWrite(JsonObject cell) {
        return Notebook.errors(cell).stream().anyMatch(e -> e.evalue() != null && e.evalue().contains("Read-only file system"));
    }
}
