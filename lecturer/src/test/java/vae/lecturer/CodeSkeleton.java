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
        for (JavaSource.Piece p : JavaSource.pieces(java)) {
            switch (p.kind()) {
                case LINE_COMMENT -> { }
                case BLOCK_COMMENT -> out.append(' ');
                case TEXT_BLOCK, STRING -> out.append("\"\"");
                case CODE, CHAR -> out.append(p.text());
            }
        }
        return out.toString().replaceAll("(?m)^\\s*(vae\\.)?Language\\.use\\(\"\"\\);\\s*$", "").replaceAll("\\s+", " ").strip();
    }
}
