package vae.kernel.evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import vae.kernel.evaluator.Snippets.Piece;

/**
 * Errors that read like a tutor: a compile error points at the cell's own line with a caret and without javac's
 * {@code location:} noise; a runtime error shows the cells' and libraries' frames, not the kernel's or JShell's.
 */
final class CellErrors {

    /** Where a snippet came from, so a runtime frame can name the cell and line. */
    private record Origin(String cell, int firstLine) {}

    private final JShell shell;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    CellErrors(JShell shell) {
        this.shell = shell;
    }

    /** Records that snippet {@code id} starts on {@code line} of {@code cell}. */
    void remember(String id, String cell, int line) {
        origins.put(id, new Origin(cell, line));
    }

    /** The rejected {@code snippet}'s errors, each with its cell line, the source line and a caret. */
    CompileException compileError(Snippet snippet, String code, Piece piece, int firstLine) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            long pos = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
            int abs = (int) Math.min(piece.offset() + Math.max(pos, 0), code.length());
            int lineStart = code.lastIndexOf('\n', abs - 1) + 1;
            int lineEnd = code.indexOf('\n', abs);
            String sourceLine = code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd);
            int line = firstLine + Snippets.lineOf(code, abs) - 1;
            String message = cleanMessage(diag.getMessage(Locale.ROOT));
            if (first == null) {
                first = "line " + line + ": " + message.lines().findFirst().orElse("");
            }
            lines.add("Line " + line + ": " + message.replace("\n", "\n    "));
            lines.add("    " + sourceLine);
            lines.add("    " + " ".repeat(Math.max(0, abs - lineStart)) + "^");
        }
        if (diags.isEmpty()) {
            first = "line " + (firstLine + Snippets.lineOf(code, piece.offset()) - 1) + ": this does not compile";
            lines.add("Line " + (firstLine + Snippets.lineOf(code, piece.offset()) - 1) + ": this does not compile: "
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

    /** What a snippet threw, with the user's frames only. */
    RuntimeFailure runtimeError(JShellException e) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            String message = unresolvedWarning(unresolved.getSnippet()).replace("however, it", "it");
            return new RuntimeFailure("UnresolvedReference", message, List.of(message));
        }
        return failure(Thrown.of((EvalException) e));
    }

    /** What cell code threw when it ran later, outside a cell (a widget's handler), in the form of a cell's error. */
    RuntimeFailure runtimeError(Throwable t) {
        return failure(Thrown.of(t));
    }

    /** An exception as JShell reports it ({@link EvalException}) or as it was thrown, for {@link #describe}. */
    private record Thrown(String className, String message, StackTraceElement[] frames, Thrown cause) {
        static Thrown of(EvalException e) {
            return new Thrown(e.getExceptionClassName(), e.getMessage(), e.getStackTrace(),
                    e.getCause() instanceof EvalException c ? of(c) : null);
        }

        static Thrown of(Throwable t) {
            return new Thrown(t.getClass().getName(), t.getMessage(), t.getStackTrace(),
                    t.getCause() == null || t.getCause() == t ? null : of(t.getCause()));
        }
    }

    private RuntimeFailure failure(Thrown thrown) {
        List<String> lines = new ArrayList<>();
        describe(thrown, lines, "");
        String message = thrown.message() == null ? "" : cleanMessage(thrown.message());
        if (thrown.className().equals(CellExit.Called.class.getName())) {
            lines.set(0, "SystemExit: " + message);
            return new RuntimeFailure("SystemExit", message, lines);
        }
        if (thrown.className().equals(OutOfMemoryError.class.getName())) {
            String limit = MemoryLimits.explain(message);
            lines.add(1, limit);
            return new RuntimeFailure(thrown.className(), message + ". " + limit, lines);
        }
        return new RuntimeFailure(thrown.className(), message, lines);
    }

    private void describe(Thrown e, List<String> lines, String prefix) {
        String message = e.message();
        lines.add(prefix + e.className() + (message == null ? "" : ": " + cleanMessage(message)));
        StackTraceElement[] frames = e.frames();
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isCellFrame(frames[i])) {
                last = i;
            }
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement f = frames[i];
            if (last >= 0 ? i > last : isKernelFrame(f)) {
                break;
            }
            if (f.getClassName().equals(CellExit.class.getName()) || f.getClassName().startsWith("vae.kernel.widgets.")) {
                continue; // System.exit's stand-in, a widget's own checks: the message and the cell's frame say it all
            }
            shown.add("    at " + frame(f));
        }
        lines.addAll(collapseRepeats(shown));
        if (e.cause() != null) {
            describe(e.cause(), lines, "Caused by: ");
        }
    }

    /** A recursion's thousand identical frames (a StackOverflowError) shown as three and a count. */
    static List<String> collapseRepeats(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int j = i;
            while (j < frames.size() && frames.get(j).equals(frames.get(i))) {
                j++;
            }
            int run = j - i;
            for (int k = 0; k < Math.min(run, 3); k++) {
                out.add(frames.get(i));
            }
            if (run > 3) {
                out.add("    ... the same line " + (run - 3) + " more times");
            }
            i = j;
        }
        return out;
    }

    private static boolean isKernelFrame(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("vae.kernel.evaluator.") || c.startsWith("jdk.internal.reflect.")
                || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")
                || c.startsWith("vae.kernel.comm.") || c.startsWith("vae.kernel.wire.") || c.startsWith("java.util.concurrent.");
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
        String method = f.getMethodName().equals("do_it$") ? "" : f.getMethodName().startsWith("lambda$") ? "lambda"
                : f.getMethodName();
        String name = type.isEmpty() ? method : method.isEmpty() ? type : type + "." + method;
        String file = f.getFileName() == null ? "" : f.getFileName().replace("#", "");
        Origin origin = origins.get(file);
        String where = origin == null ? "#" + file + ":" + f.getLineNumber()
                : origin.cell() + ", line " + (origin.firstLine() + Math.max(f.getLineNumber(), 1) - 1);
        return name.isEmpty() ? where : name + " (" + where + ")";
    }

    /** A declaration that refers to something not declared yet. */
    String unresolvedWarning(DeclarationSnippet snippet) {
        String missing = String.join(", ", shell.unresolvedDependencies(snippet).collect(Collectors.toList()));
        return snippet.name() + " is declared, however, it cannot be used until " + missing + " is declared";
    }
}
