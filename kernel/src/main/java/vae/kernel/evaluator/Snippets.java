package vae.kernel.evaluator;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/** How a cell splits into JShell snippets, and where each one starts, so messages can name the cell's lines. */
final class Snippets {
    private Snippets() {}

    /** A piece of a cell JShell takes as one snippet, with its offset in the cell. */
    record Piece(String source, int offset) {}

    static List<Piece> split(SourceCodeAnalysis analysis, String code) {
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
    static int snippetStart(SourceCodeAnalysis analysis, String code, int cursor) {
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
    static int leadingBlank(String s) {
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

    /** The 1-based line of {@code offset} in {@code code}. */
    static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** An expression, or JShell's temporary variable for one ($1): a value to show. */
    static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

}
