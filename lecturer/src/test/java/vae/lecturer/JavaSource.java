package vae.lecturer;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java cell's source cut into code, comments, string literals, text blocks and char literals: what
 * {@link CodeSkeleton} empties and what {@link VietnameseTermsTest} reads, from one scanner.
 */
final class JavaSource {
    private JavaSource() {}

    enum Kind { CODE, LINE_COMMENT, BLOCK_COMMENT, TEXT_BLOCK, STRING, CHAR }

    /** One piece: its kind, its source with the delimiters, and for a string literal what stands between the quotes. */
    record Piece(Kind kind, String text, String content) {}

    static List<Piece> pieces(String java) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0, n = java.length();
        while (i < n) {
            int start = i;
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                while (i < n && java.charAt(i) != '\n') i++;
                pieces.add(piece(Kind.LINE_COMMENT, java, start, i));
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                pieces.add(piece(Kind.BLOCK_COMMENT, java, start, i));
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                pieces.add(piece(Kind.TEXT_BLOCK, java, start, i));
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && java.charAt(i) != c && java.charAt(i) != '\n') i += java.charAt(i) == '\\' ? 2 : 1;
                String content = java.substring(start + 1, Math.min(i, n));
                i++; // the closing quote (or the line's end, where a literal was left open)
                pieces.add(new Piece(c == '"' ? Kind.STRING : Kind.CHAR, java.substring(start, Math.min(i, n)), content));
            } else {
                i++;
                pieces.add(piece(Kind.CODE, java, start, i));
            }
        }
        return pieces;
    }

    private static Piece piece(Kind kind, String java, int start, int end) {
        return new Piece(kind, java.substring(start, end), null);
    }
}
