package vae.kernel.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import vae.kernel.evaluator.CellException;
import vae.kernel.notebook.Notebook;
import vae.kernel.session.Session;

/**
 * Runs a notebook's code cells through the kernel's {@link Session}, without Jupyter or Python, into the notebook's
 * outputs (nbformat 4, images embedded). The one cell loop: {@code ./tutorial run} uses it as it is, the grader with a
 * time limit per cell, going on after errors, and a hook that saves the notebook after every cell.
 */
public final class NotebookRunner {
    /** The ename of the error a cell stopped by its time limit ends with. */
    public static final String TIMED_OUT = "CellTimeout";

    /** What happened: cells run, and the first error (null if none). */
    public record Report(int cellsRun, String firstError) {
        public boolean ok() {
            return firstError == null;
        }
    }

    /** Told of every cell that ran, with its outputs in place. */
    public interface AfterCell {
        void ran(Notebook notebook, JsonObject cell);
    }

    private final Session session;
    private boolean keepGoing;
    private Duration cellTimeout;
    private AfterCell afterCell = (nb, cell) -> { };
    private ExecutorService worker;   // runs the cells when they have a time limit

    public NotebookRunner(Session session) {
        this.session = session;
    }

    /** Runs the cells after a failing one too (default: they are left cleared, with no execution count). */
    public NotebookRunner keepGoing(boolean keepGoing) {
        this.keepGoing = keepGoing;
        return this;
    }

    /** Interrupts a cell running longer than {@code limit}; it then ends with a {@link #TIMED_OUT} error. */
    public NotebookRunner cellTimeout(Duration limit) {
        this.cellTimeout = limit;
        return this;
    }

    public NotebookRunner afterEachCell(AfterCell hook) {
        this.afterCell = hook;
        return this;
    }

    /** Executes the nbformat 4 notebook {@code input} and writes the result to {@code output} (which may be {@code input}). */
    public Report run(Path input, Path output, boolean keepGoing) throws IOException {
        Notebook nb = Notebook.read(input);
        if (nb.version()[0] != 4) {
            throw new IOException(input + " is not an nbformat 4 notebook");
        }
        Report report = keepGoing(keepGoing).run(nb);
        nb.write(output);
        return report;
    }

    /** Executes {@code nb} in place: every code cell's outputs are cleared first, then filled as it runs. */
    public Report run(Notebook nb) {
        boolean ids = nb.version()[1] >= 5;
        for (JsonObject cell : nb.cells()) {
            if (ids && !cell.has("id")) {
                cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
            }
            if (Notebook.isCode(cell)) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
            }
        }
        int count = 0;
        String firstError = null;
        for (JsonObject cell : nb.codeCells()) {
            String source = Notebook.source(cell);
            if (source.isBlank()) {
                continue;
            }
            count++;
            cell.addProperty("execution_count", count);
            NotebookOutput output = new NotebookOutput(cell.getAsJsonArray("outputs"), count);
            String error = cellTimeout == null ? execute(source, count, output) : executeWithin(source, count, output);
            afterCell.ran(nb, cell);
            if (error != null && firstError == null) {
                firstError = error;
            }
            if (error != null && !keepGoing) {
                break;
            }
        }
        return new Report(count, firstError);
    }

    /** Runs one cell; returns its error as {@code In [n]: ename: evalue}, or null. */
    private String execute(String source, int count, NotebookOutput output) {
        try {
            session.execute(source, "In [" + count + "]", output);
            return null;
        } catch (CellException e) {
            output.error(e.ename(), e.evalue(), e.traceback());
            return "In [" + count + "]: " + e.ename() + ": " + e.evalue();
        }
    }

    /** Runs one cell on a worker thread and interrupts it at the time limit (then waits up to 5 s for it to stop). */
    private String executeWithin(String source, int count, NotebookOutput output) {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "notebook-cell");
                t.setDaemon(true);   // a cell that never stops must not keep the JVM alive
                return t;
            });
        }
        Future<String> running = worker.submit(() -> execute(source, count, output));
        try {
            return running.get(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.evaluator().interrupt();
            try {
                running.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stuck) {
                // reported below either way
            } catch (InterruptedException i) {
                Thread.currentThread().interrupt();
            }
            output.error(TIMED_OUT, "the cell ran longer than its limit of " + seconds(cellTimeout) + " s and was stopped", List.of());
            return "In [" + count + "]: " + TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while In [" + count + "] ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("In [" + count + "] failed in the runner itself: " + e.getCause(), e.getCause());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    /**
     * Runs each notebook into {@code outputFor(notebook)}, each in a fresh session, as if in a new kernel: no variable
     * or check verdict leaks into the next. Says one line per notebook on {@code console} (taken before the first session
     * routes System.out into cells); stops at the first that fails unless {@code keepGoing}. Returns how many failed.
     */
    public static int runEach(List<Path> notebooks, Function<Path, Path> outputFor, boolean keepGoing, PrintStream console) throws IOException {
        int failures = 0;
        for (Path nb : notebooks) {
            try (Session session = Session.create()) {
                Path out = outputFor.apply(nb);
                long start = System.nanoTime();
                Report report = new NotebookRunner(session).run(nb, out, keepGoing);
                String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
                if (report.ok()) {
                    console.println("ok    " + nb + " (" + report.cellsRun() + " cells, " + took + ") -> " + out);
                } else {
                    failures++;
                    console.println("FAIL  " + nb + " (" + took + ") -> " + out + "\n      " + report.firstError());
                    if (!keepGoing) break;
                }
            }
        }
        return failures;
    }

    /** The default place for the executed copy of {@code notebook}: {@code <outDir>/<name>.ipynb}. */
    public static Path outputFor(Path notebook, Path outDir) {
        return outDir.resolve(notebook.getFileName().toString());
    }
}
