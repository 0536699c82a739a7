package vae.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging, and so slf4j (bound to it by slf4j-jdk14: ND4J's start-up messages), to a log file,
 * never to a cell's output.
 */
public final class KernelLog {
    private KernelLog() {}

    /** The log directory: {@code $VAE_KERNEL_LOG_DIR}, else {@code ~/.cache/vae-notebooks/logs}. */
    public static Path directory() {
        String dir = System.getenv(vae.runtime.EnvironmentNames.VAE_KERNEL_LOG_DIR);
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : vae.runtime.Launch.CACHE.resolve("logs");
    }

    /** Replaces the console handler with {@code <directory>/<name>.log} (started afresh past 1 MB; a second kernel running at the same time writes {@code <name>.log.1}); returns the file. */
    public static Path toFile(String name) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Path file = directory().resolve(name + ".log");
        try {
            Files.createDirectories(file.getParent());
            Handler handler = new FileHandler(file.toString().replace("%", "%%"), 1_000_000, 1, true);
            handler.setFormatter(new SimpleFormatter());
            root.addHandler(handler);
        } catch (IOException | RuntimeException e) {
            // No log file (read-only home?): drop the messages rather than print them into cells.
        }
        root.setLevel(Level.INFO);
        return file;
    }
}
