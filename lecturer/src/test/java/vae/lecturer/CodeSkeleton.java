package vae.lecturer;

/**
 * A Java cell with what a translation may change taken out: comments gone, every string literal (and text block)
 * emptied, the setup cell's {@code Language.use(…)} line dropped, white space collapsed. Two editions' cells with
 * the same skeleton run the same code.
 */
final class CodeSkeleton {
    private CodeSkeleton() {}

    static String of(String java) {
        StringBuilder out = new StringBuilder();
        int i = 0, n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                while (i < n && java.charAt(i) != '\n') i++;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"') {
                i++;
                while (i < n && java.charAt(i) != '"' && java.charAt(i) != '\n') i += java.charAt(i) == '\\' ? 2 : 1;
                i++;
                out.append("\"\"");
            } else if (c == '\'') {
                int start = i++;
                while (i < n && java.charAt(i) != '\'' && java.charAt(i) != '\n') i += java.charAt(i) == '\\' ? 2 : 1;
                out.append(java, start, Math.min(n, ++i));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll("(?m)^\\s*(vae\\.)?Language\\.use\\(\"\"\\);\\s*$", "").replaceAll("\\s+", " ").strip();
    }
}
