package vae.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ipywidgets 7/8 side of the widget tests, from npm: {@code @jupyter-widgets/schema}, {@code ajv} and
 * {@code @jupyter-widgets/html-manager}, at the versions of {@code src/test/js/package-lock.json}, installed with
 * {@code npm ci} into {@code target/widget-js} (once; again when the lock file changes), and the scripts beside them.
 */
final class WidgetJs {
    static final Path SOURCES = Path.of("src", "test", "js");
    static final Path HOME = Path.of("target", "widget-js").toAbsolutePath();

    private WidgetJs() {}

    /** A process's exit code and what it printed (stdout and stderr together). */
    record Run(int code, String output) {}

    static Run run(List<String> command, Path dir, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out after " + seconds + " s: " + command + "\n" + new String(out));
        }
        return new Run(p.exitValue(), new String(out));
    }

    static boolean onPath(String program) {
        try {
            return run(List.of(program, "--version"), null, Map.of(), 60).code() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Installs the packages unless this lock file's are there already; returns why they could not be installed
     * (no node or npm, or npm failed: offline?), or null.
     */
    static synchronized String install() throws Exception {
        if (!onPath("node") || !onPath("npm")) {
            return "node and npm (Debian: apt-get install nodejs npm)";
        }
        Files.createDirectories(HOME);
        byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
        Path installed = HOME.resolve("node_modules").resolve(".installed-lock.json");
        for (String f : List.of("package.json", "package-lock.json", "check-widgets.mjs")) {
            Files.copy(SOURCES.resolve(f), HOME.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isRegularFile(installed) && java.util.Arrays.equals(Files.readAllBytes(installed), lock)) {
            return null;
        }
        Run npm = run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"), HOME,
                Map.of(), 300);
        if (npm.code() != 0) {
            return "the npm packages of src/test/js (npm ci failed; is the npm registry reachable?):\n" + npm.output();
        }
        Files.write(installed, lock);
        return null;
    }

    /** Runs a script of src/test/js with node, in target/widget-js where its packages are. */
    static Run node(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", HOME.resolve(script).toString()));
        cmd.addAll(List.of(args));
        return run(cmd, HOME, Map.of(), 120);
    }

    /** html-manager's embed script for pages that load RequireJS, as nbconvert's HTML does. */
    static Path embedAmd() {
        return HOME.resolve("node_modules/@jupyter-widgets/html-manager/dist/embed-amd.js");
    }
}
