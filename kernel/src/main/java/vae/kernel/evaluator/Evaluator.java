package vae.kernel.evaluator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates Java cells with JShell in this JVM, on its flat classpath, and hands back the last expression's
 * value as a real object. One evaluator per kernel; {@link #eval} is called from one thread at a time, while
 * {@link #interrupt} may come from any thread.
 */
public final class Evaluator implements AutoCloseable {

    /** Imports every cell starts with, as in JShell's default start-up, plus the kernel's display API. */
    public static final List<String> STARTUP = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.nio.file.*;",
            "import static vae.kernel.Display.*;",
            "import vae.kernel.Progress;");

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

    /** Where a snippet came from, so a runtime frame can name the cell and line. */
    private record Origin(String cell, int firstLine) {}

    /** A piece of a cell JShell takes as one snippet, with its offset in the cell. */
    private record Piece(String source, int offset) {}

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final KernelExecutionControl control;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
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
        for (Piece piece : split(code)) {
            if (interrupted) {
                throw new InterruptedCellException();
            }
            control.clearLastValue();
            List<SnippetEvent> events = shell.eval(piece.source());
            if (interrupted) {
                throw new InterruptedCellException();
            }
            result = Result.none(warnings);
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet updated by this one
                }
                Snippet snippet = event.snippet();
                int line = firstLine + lineOf(code, piece.offset()) - 1;
                origins.put(snippet.id(), new Origin(cell, line));
                if (event.status() == Snippet.Status.REJECTED) {
                    throw compileError(snippet, code, piece, firstLine);
                }
                if (event.exception() != null) {
                    throw runtimeError(event.exception());
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    warnings.add(unresolvedWarning((DeclarationSnippet) snippet));
                }
                if (isExpression(snippet)) {
                    result = new Result(true, control.lastValue(), warnings);
                }
            }
        }
        return result;
    }

    /** How long a cell may take to stop by itself after {@link Thread#interrupt()} before it is stopped by force. */
    static final long GRACE_MS = 500;

    /**
     * Stops the running cell; the evaluator reports it as interrupted and skips the rest of the cell. First the
     * cell's thread is interrupted, so sleeps end and loops that check {@code Thread.interrupted()} (the library's
     * trainer does) return what they have; a cell still running after {@link #GRACE_MS} is stopped by JShell.
     */
    public void interrupt() {
        interrupted = true;
        Thread running = control.runningThread();
        if (running != null) {
            running.interrupt();
            long end = System.nanoTime() + GRACE_MS * 1_000_000;
            while (control.runningThread() == running && System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (control.runningThread() != running) {
                return;
            }
        }
        shell.stop();
    }

    /** Clears an earlier interrupt; call before each cell. */
    public void clearInterrupt() {
        interrupted = false;
    }

    public boolean isInterrupted() {
        return interrupted;
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

    public Completion complete(String code, int cursor) {
        int start = snippetStart(code, cursor);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(code.substring(start, cursor), cursor - start, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(List.copyOf(matches), start + anchor[0], cursor);
    }

    /** Signature and javadoc of what is at {@code cursor}, if JShell knows it. */
    public Optional<String> inspect(String code, int cursor) {
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String name = identifierBefore(code, end);
        int nameStart = end - name.length();
        if (nameStart == 0 || code.charAt(nameStart - 1) != '.') {
            Optional<String> variable = variable(name);
            if (variable.isPresent()) {
                return variable;
            }
        }
        int start = snippetStart(code, end);
        String text = code.substring(start, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(text, text.length(), true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(text + "(", text.length() + 1, true);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream()
                .map(d -> d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n\n" + d.javadoc())
                .distinct()
                .collect(Collectors.joining("\n\n")));
    }

    /** A variable of an earlier cell, as {@code type name = value}; JShell's documentation() does not cover them. */
    private Optional<String> variable(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .reduce((a, b) -> b)
                .map(v -> {
                    String value;
                    try {
                        value = shell.varValue(v);
                    } catch (RuntimeException e) {
                        value = "(no value: " + e.getMessage() + ")";
                    }
                    if (value.length() > 2000) {
                        value = value.substring(0, 2000) + "…";
                    }
                    return v.typeName() + " " + v.name() + " = " + value;
                });
    }

    private static String identifierBefore(String code, int end) {
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        return code.substring(start, end);
    }

    /** Whether {@code code} is ready to run, as a console asks before it sends the cell. */
    public Readiness readiness(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rest = info.remaining();
                case EMPTY -> rest = "";
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return Readiness.INCOMPLETE;
                }
                default -> {
                    return Readiness.INVALID;
                }
            }
        }
        return Readiness.COMPLETE;
    }

    @Override
    public void close() {
        shell.close();
    }

    // ---- splitting and positions

    private List<Piece> split(String code) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        while (offset < code.length() && !code.substring(offset).isBlank()) {
            String rest = code.substring(offset);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                // Let JShell compile it anyway, so the learner sees javac's message rather than "incomplete".
                pieces.add(new Piece(rest, offset + leadingBlank(rest)));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            String source = rest.substring(0, consumed);
            int lead = leadingBlank(source);
            String body = source.substring(lead);
            // The semicolon goes on a line of its own, so a trailing "// comment" cannot swallow it.
            pieces.add(new Piece(info.completeness() == Completeness.COMPLETE_WITH_SEMI ? body + "\n;" : body, offset + lead));
            offset += consumed;
        }
        return pieces;
    }

    /** Start of the snippet that ends at {@code cursor}. */
    private int snippetStart(String code, int cursor) {
        String text = code.substring(0, cursor);
        int pos = 0;
        while (pos < text.length()) {
            CompletionInfo info = analysis.analyzeCompletion(text.substring(pos));
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                break;
            }
            pos = text.length() - info.remaining().length();
        }
        return pos + leadingBlank(text.substring(pos));
    }

    /** Length of the whitespace and comments a snippet starts with. */
    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i) && !s.startsWith("/**", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    // ---- errors that read like a tutor

    private CompileException compileError(Snippet snippet, String code, Piece piece, int firstLine) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            long pos = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
            int abs = (int) Math.min(piece.offset() + Math.max(pos, 0), code.length());
            int lineStart = code.lastIndexOf('\n', abs - 1) + 1;
            int lineEnd = code.indexOf('\n', abs);
            String sourceLine = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
            int line = firstLine + lineOf(code, abs) - 1;
            String message = cleanMessage(diag.getMessage(Locale.ROOT));
            if (first == null) {
                first = "line " + line + ": " + message.lines().findFirst().orElse("");
            }
            lines.add("Line " + line + ": " + message.replace("\n", "\n    "));
            lines.add("    " + sourceLine);
            lines.add("    " + " ".repeat(Math.max(0, abs - lineStart)) + "^");
        }
        if (diags.isEmpty()) {
            first = "line " + (firstLine + lineOf(code, piece.offset()) - 1) + ": this does not compile";
            lines.add("Line " + (firstLine + lineOf(code, piece.offset()) - 1) + ": this does not compile: "
                    + snippet.source().strip());
        }
        return new CompileException(first, lines);
    }

    /** javac's message without the "location:" lines that name JShell's wrapper classes. */
    static String cleanMessage(String message) {
        return message.lines()
                .filter(l -> !l.strip().startsWith("location:"))
                .map(l -> l.replaceAll("REPL\\.\\$JShell\\$\\d+[.$]?", ""))
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private RuntimeFailure runtimeError(JShellException e) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            String message = unresolvedWarning(unresolved.getSnippet()).replace("however, it", "it");
            return new RuntimeFailure("UnresolvedReference", message, List.of(message));
        }
        EvalException eval = (EvalException) e;
        List<String> lines = new ArrayList<>();
        describe(eval, lines, "");
        String message = eval.getMessage();
        return new RuntimeFailure(eval.getExceptionClassName(), message == null ? "" : cleanMessage(message), lines);
    }

    private void describe(EvalException e, List<String> lines, String prefix) {
        String message = e.getMessage();
        lines.add(prefix + e.getExceptionClassName() + (message == null ? "" : ": " + cleanMessage(message)));
        StackTraceElement[] frames = e.getStackTrace();
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isCellFrame(frames[i])) {
                last = i;
            }
        }
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement f = frames[i];
            if (last >= 0 ? i > last : isKernelFrame(f)) {
                break;
            }
            lines.add("    at " + frame(f));
        }
        if (e.getCause() instanceof EvalException cause) {
            describe(cause, lines, "Caused by: ");
        }
    }

    private static boolean isKernelFrame(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("vae.kernel.evaluator.") || c.startsWith("jdk.internal.reflect.")
                || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.");
    }

    /** JShell names a cell's frames by snippet ("#12") and strips its wrapper classes from them. */
    private static boolean isCellFrame(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    private String frame(StackTraceElement f) {
        if (!isCellFrame(f)) {
            return f.toString();
        }
        String type = cleanMessage(f.getClassName());
        String method = f.getMethodName().equals("do_it$") ? "" : f.getMethodName();
        String name = type.isEmpty() ? method : method.isEmpty() ? type : type + "." + method;
        String file = f.getFileName() == null ? "" : f.getFileName().replace("#", "");
        Origin origin = origins.get(file);
        String where = origin == null ? "#" + file + ":" + f.getLineNumber()
                : origin.cell() + ", line " + (origin.firstLine() + Math.max(f.getLineNumber(), 1) - 1);
        return name.isEmpty() ? where : name + " (" + where + ")";
    }

    private String unresolvedWarning(DeclarationSnippet snippet) {
        String missing = String.join(", ", shell.unresolvedDependencies(snippet).collect(Collectors.toList()));
        return snippet.name() + " is declared, however, it cannot be used until " + missing + " is declared";
    }
}
