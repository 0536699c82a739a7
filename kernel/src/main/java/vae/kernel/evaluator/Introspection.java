package vae.kernel.evaluator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** What a notebook asks while one types: completion, inspection (Shift+Tab), and whether a cell is complete. */
final class Introspection {
    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    Introspection(JShell shell) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
    }

    /**
     * Completion at {@code cursor}: what JShell knows from earlier cells, plus the variables, methods and classes
     * declared earlier in this same cell, which JShell has not seen yet (they run only when the cell does).
     */
    Evaluator.Completion complete(String code, int cursor) {
        int start = Snippets.snippetStart(analysis, code, cursor);
        String text = code.substring(start, cursor);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(text, text.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        int at = anchor[0];
        String scope = start == 0 ? "" : sameCellScope(code.substring(0, start));
        if (!scope.isEmpty()) {
            // The cursor's snippet inside a class holding this cell's earlier declarations, once as a statement and once
            // as an argument: JShell completes a bare name at the start of a statement as a type only.
            for (String wrapped : List.of(scope + text, scope + "run$(" + text)) {
                int[] a = new int[1];
                List<Suggestion> found = analysis.completionSuggestions(wrapped, wrapped.length(), a);
                int inText = a[0] - (wrapped.length() - text.length());
                if (!found.isEmpty() && (matches.isEmpty() || inText == at)) {
                    at = inText;
                    found.forEach(f -> matches.add(f.continuation()));
                }
            }
        }
        if (matches.isEmpty() || anchor[0] == at) {
            suggestions.stream().filter(Suggestion::matchesType).forEach(f -> matches.add(f.continuation()));
            suggestions.forEach(f -> matches.add(f.continuation()));
        }
        return new Evaluator.Completion(List.copyOf(matches), start + at, cursor);
    }

    /**
     * The start of a class whose members are the methods and classes declared in {@code earlier} and whose method
     * {@code run$} has its variables as locals, ready for the cursor's snippet; empty when {@code earlier} declares none.
     */
    private String sameCellScope(String earlier) {
        StringBuilder members = new StringBuilder();
        StringBuilder locals = new StringBuilder();
        for (Snippets.Piece piece : Snippets.split(analysis, earlier)) {
            for (Snippet snippet : analysis.sourceToSnippets(piece.source())) {
                switch (snippet.kind()) {
                    case METHOD, TYPE_DECL -> members.append(snippet.source()).append('\n');
                    case VAR -> locals.append(snippet.source()).append('\n');
                    default -> { } // statements, expressions and imports declare nothing to complete
                }
            }
        }
        if (members.isEmpty() && locals.isEmpty()) {
            return "";
        }
        return "class Completion$ {\n" + members + "void run$() {\n" + locals;
    }

    /** Signature and javadoc of what is at {@code cursor}, if JShell knows it, or a variable's type and value. */
    Optional<String> inspect(String code, int cursor) {
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
        int start = Snippets.snippetStart(analysis, code, end);
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
    Evaluator.Readiness readiness(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> rest = info.remaining();
                case EMPTY -> rest = "";
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return Evaluator.Readiness.INCOMPLETE;
                }
                default -> {
                    return Evaluator.Readiness.INVALID;
                }
            }
        }
        return Evaluator.Readiness.COMPLETE;
    }

}
