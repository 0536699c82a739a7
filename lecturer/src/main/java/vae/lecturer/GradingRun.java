package vae.lecturer;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vae.kernel.evaluator.CellException;
import vae.kernel.runner.NotebookOutput;
import vae.kernel.session.Session;

/**
 * Runs one submission in its own JVM (started by {@link Grader}): every code cell through the kernel's session, each
 * with a time limit, going on after errors. After every cell the executed notebook is written again, so whatever stops
 * this JVM (System.exit, a crash, the whole-notebook limit) leaves the cells run so far.
 *
 * <pre>java -Xmx… vae.lecturer.GradingRun CELL_TIMEOUT_SECONDS IN.ipynb OUT.ipynb</pre>
 */
public final class GradingRun {
    /** Marks a cell stopped by the per-cell time limit (its error's ename). */
    public static final String TIMED_OUT = "CellTimeout";

    private GradingRun() {}

    public static void main(String[] args) throws Exception {
        int timeout = Integer.parseInt(args[0]);
        Path in = Path.of(args[1]), out = Path.of(args[2]);
        Notebook nb = Notebook.read(in);
        for (JsonObject cell : nb.cells()) {
            if (Notebook.isCode(cell)) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
            }
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "grading-cell");
            t.setDaemon(true);
            return t;
        });
        try (Session session = Session.create()) {
            int count = 0;
            for (JsonObject cell : nb.cells()) {
                if (!Notebook.isCode(cell) || Notebook.source(cell).isBlank()) continue;
                count++;
                cell.addProperty("execution_count", count);
                JsonArray outputs = cell.getAsJsonArray("outputs");
                NotebookOutput output = new NotebookOutput(outputs, count);
                String source = Notebook.source(cell);
                String name = "In [" + count + "]";
                Future<?> running = worker.submit(() -> {
                    try {
                        session.execute(source, name, output);
                    } catch (CellException e) {
                        output.error(e.ename(), e.evalue(), e.traceback());
                    }
                    return null;
                });
                try {
                    running.get(timeout, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    session.evaluator().interrupt();
                    try { running.get(5, TimeUnit.SECONDS); } catch (TimeoutException stuck) { /* reported below either way */ }
                    output.error(TIMED_OUT, "the cell ran longer than its limit of " + timeout + " s and was stopped", java.util.List.of());
                }
                save(nb, out);
            }
        }
        save(nb, out);
        System.exit(0);   // ND4J's and JShell's threads must not keep a finished run alive
    }

    private static void save(Notebook nb, Path out) throws java.io.IOException {
        Path temp = out.resolveSibling(out.getFileName() + ".partial");
        nb.write(temp);
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
