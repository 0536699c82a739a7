package vae.kernel.evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates Java cells with JShell in this JVM, on its flat classpath, and hands back the last expression's
 * value as a real object. One evaluator per kernel; {@link #eval} is called from one thread at a time, while
 * {@link #interrupt} may come from any thread.
 */
public final class Evaluator implements AutoCloseable {

    /** Imports every cell starts with, as in JShell's default start-up, plus the kernel's display and widget APIs. */
    public static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.nio.file.*;",
            "import static vae.kernel.Display.*;",
            "import vae.kernel.Progress;",
            "import vae.kernel.widgets.*;",
            "import static vae.kernel.widgets.Widgets.*;");

    /** A cell's value: {@code present} is false when the cell ends with a statement or a declaration. */
    public record Result(boolean present, Object value, List<String> warnings) {
        /** No value to show. */
        public static Result none(List<String> warnings) {
            return new Result(false, null, warnings);
        }
    }

    /** Completion matches replace the text between {@code start} and {@code end}. */
    public record Completion(List<String> matches, int start, int end) {}

    /** Jupyter's is_complete status: complete, incomplete, invalid. */
    public enum Readiness { COMPLETE, INCOMPLETE, INVALID }


    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final KernelExecutionControl control;
    private final CellErrors errors;
    private final Introspection introspection;
    private volatile boolean interrupted;

    /** An evaluator whose cells see this JVM's classpath. */
    public Evaluator() {
        this(System.getProperty("java.class.path", ""));
    }

    /** An evaluator whose cells compile against {@code classpath} (the classes themselves load from this JVM's loader). */
    public Evaluator(String classpath) {
        KernelExecutionControlProvider provider = new KernelExecutionControlProvider();
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        this.control = provider.control();
        this.analysis = shell.sourceCodeAnalysis();
        this.errors = new CellErrors(shell);
        this.introspection = new Introspection(shell);
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String line : STARTUP) {
            for (SnippetEvent e : shell.eval(line)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("Start-up import failed: " + line
                            + " (is the kernel jar on the classpath?)");
                }
            }
        }
        shell.eval("0"); // warms the compiler and loads the cells' class loader, so the first cell is quicker
    }

    /**
     * Runs {@code code}, snippet by snippet, and returns the last snippet's value if it is an expression.
     *
     * @param cell      how errors name this cell, e.g. {@code "In [3]"}
     * @param firstLine the line of the cell {@code code} starts on (1 for a whole cell; more after a magic line)
     */
    public Result eval(String code, String cell, int firstLine) throws CellException {
        List<String> warnings = new ArrayList<>();
        Result result = Result.none(warnings);
        for (Snippets.Piece piece : Snippets.split(analysis, code)) {
            if (interrupted) {
                throw new InterruptedCellException();
            }
            control.clearLastValue();
            List<SnippetEvent> events = shell.eval(piece.source());
            // what the variables this snippet replaced held: no cell can name it any more (ReplacedValues)
            for (ReplacedValues.Replaced old : ReplacedValues.replacedBy(events, analysis)) control.release(old.owner(), old.name());
            if (interrupted) {
                throw new InterruptedCellException();
            }
            result = Result.none(warnings);
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet updated by this one
                }
                Snippet snippet = event.snippet();
                int line = firstLine + Snippets.lineOf(code, piece.offset()) - 1;
                errors.remember(snippet.id(), cell, line);
                if (event.status() == Snippet.Status.REJECTED) {
                    throw errors.compileError(snippet, code, piece, firstLine);
                }
                if (event.exception() != null) {
                    throw errors.runtimeError(event.exception());
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    warnings.add(errors.unresolvedWarning((DeclarationSnippet) snippet));
                }
                if (Snippets.isExpression(snippet)) {
                    Object value = control.lastValue();
                    // slider.value(5); returns the slider, for chains: as a statement it does not show it again
                    boolean statement = value instanceof vae.kernel.DisplaysItself && piece.source().strip().endsWith(";");
                    result = statement ? Result.none(warnings) : new Result(true, value, warnings);
                }
            }
        }
        return result;
    }

    /**
     * Stops the running cell; the evaluator reports it as interrupted and skips the rest of the cell
     * ({@link CellStopper} says how: gently first, then by force).
     */
    public void interrupt() {
        interrupted = true;
        Thread running = control.runningThread();
        if (running == null || !CellStopper.stoppedGently(running, control::runningThread)) {
            shell.stop();
        }
    }

    /** Clears an earlier interrupt; call before each cell. */
    public void clearInterrupt() {
        interrupted = false;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    /**
     * What code of a cell threw when it ran later, outside any cell (a widget's observer), described as a cell's
     * runtime error: the cells' and libraries' frames, each cell frame by its cell and line.
     */
    public CellException failure(Throwable t) {
        // JShell names the cells' frames ("In [3], line 2") only in what a snippet throws: so a snippet throws it again.
        return Rethrow.asCellError(shell, errors, t);
    }

    /** Adds a jar or directory to what cells compile against and load from. */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** The loader of the cells' classes; it sees jars added at run time. */
    public ClassLoader snippetLoader() {
        ClassLoader loader = control.snippetLoader();
        return loader != null ? loader : Evaluator.class.getClassLoader();
    }

    /** Completion of the code before {@code cursor}: members, types, variables of earlier cells. */
    public Completion complete(String code, int cursor) {
        return introspection.complete(code, cursor);
    }

    /** Signature and javadoc of what is at {@code cursor}, or a variable's type and value. */
    public Optional<String> inspect(String code, int cursor) {
        return introspection.inspect(code, cursor);
    }

    /** Whether {@code code} is ready to run, as a console asks before it sends the cell. */
    public Readiness readiness(String code) {
        return introspection.readiness(code);
    }

    @Override
    public void close() {
        shell.close();
    }

}
