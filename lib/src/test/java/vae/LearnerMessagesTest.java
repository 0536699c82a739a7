package vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import vae.data.Mnist;
import vae.model.ForwardPass;
import vae.model.ReparameterizationGraph;
import vae.model.Vae;

/**
 * Every message a learner can meet from the library goes through the messages bundle ({@link Language#text}), so that
 * {@link LanguageTest} holds it to both languages. Only an internal invariant, a state no notebook can bring about, may
 * keep an English literal, marked {@code // internal: <why>} on its line or the line above.
 */
class LearnerMessagesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** An exception built with a message: {@code new IllegalArgumentException(…}, or an exception class's {@code super(…}. */
    private static final Pattern EXCEPTION = Pattern.compile("\\bnew\\s+\\w*(?:Exception|Error)\\s*\\(|\\bsuper\\s*\\(");

    @AfterEach
    void backToEnglish() { Language.reset(); }

    @Test
    void everyMessageALearnerCanMeetGoesThroughTheBundle() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String line : untranslated(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString())) {
                    found.add(SOURCES.relativize(file) + ":" + line);
                }
            }
        }
        assertTrue(found.isEmpty(), "messages in English only: put each in vae/messages.properties and messages_vi.properties and"
                + " throw Language.text(key, …), or mark a state no learner can cause with // internal: <why>\n  " + String.join("\n  ", found));
    }

    @Test
    void theScanFindsALiteralMessageAndAcceptsTheBundleAndMarkedInvariants() {
        String source = """
                class A extends RuntimeException {
                    A(int n) { super("n is " + n); }
                    void f(int n) {
                        if (n < 0) throw new IllegalArgumentException("n is " + n + " but must be ≥ 0");
                        if (n > 9) throw new IllegalArgumentException(Language.text("error.n", n));
                        // internal: only the library calls f with n = 5
                        if (n == 5) throw new IllegalStateException("five");
                        if (n == 6) throw new IllegalStateException("six");   // internal: never 6
                        if (n == 7) throw new UncheckedIOException(e);
                        Object o = opt.orElseThrow(() -> new IllegalArgumentException("none"));
                        /* new IllegalArgumentException("in a comment") */
                    }
                }
                """;
        List<String> found = untranslated(source, "AException.java");
        assertEquals(3, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("2:") && found.get(1).startsWith("4:") && found.get(2).startsWith("10:"), String.join("\n", found));
        assertTrue(untranslated(source, "A.java").size() == 2, "super(…) counts only in an exception class");
    }

    @Test
    void theErrorsALearnerMeetsFirstSpeakVietnamese() {
        Language.use("vi");
        IndexOutOfBoundsException index = assertThrows(IndexOutOfBoundsException.class, () -> Mnist.test().image(90000));
        assertEquals("Chỉ số ảnh 90000 nằm ngoài tập kiểm tra: tập này chỉ có các ảnh từ 0 đến 999", index.getMessage());

        ForwardPass pass = Vae.untrained().forward(Nd4j.zeros(1, 784), new Random(1));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> pass.get("x̂"));
        assertTrue(name.getMessage().startsWith("Lượt truyền xuôi này không có giá trị nào tên 'x̂'; chỉ có các giá trị ["), name.getMessage());

        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> new ReparameterizationGraph(new double[3], new double[2]));
        assertEquals("mu có 3 phần tử nhưng logVar có 2: mỗi chiều ẩn cần một phần tử của mu và một của logVar", sizes.getMessage());

        Language.reset();
        assertEquals("Image index 90000 is outside test, which holds images 0 to 999",
                assertThrows(IndexOutOfBoundsException.class, () -> Mnist.test().image(90000)).getMessage());
        assertEquals("mu has 3 entries but logVar has 2: give one of each per latent dimension",
                assertThrows(IllegalArgumentException.class, () -> new ReparameterizationGraph(new double[3], new double[2])).getMessage());
    }

    /**
     * "line: code" for each exception in {@code source} whose message holds a string literal without going through
     * {@code Language.text}, and that no {@code // internal:} on its line or the line above excuses. {@code super(…)} counts in
     * an exception class ({@code fileName} ends with Exception.java).
     */
    static List<String> untranslated(String source, String fileName) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        Matcher m = EXCEPTION.matcher(source);
        while (m.find()) {
            if (m.group().startsWith("super") && !fileName.endsWith("Exception.java")) continue;
            int lineStart = source.lastIndexOf('\n', m.start()) + 1;
            int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            String before = source.substring(lineStart, m.start()).strip();
            if (before.startsWith("*") || before.startsWith("/*") || before.contains("//")) continue;   // in a comment
            String message = firstArgument(source, m.end()).strip();
            if (!message.contains("\"") || message.startsWith("Language.text(")) continue;
            if (lines[line].contains("// internal:") || (line > 0 && lines[line - 1].strip().startsWith("// internal:"))) continue;
            found.add((line + 1) + ": " + lines[line].strip());
        }
        return found;
    }

    /** The text of the first argument of a call whose '(' ends just before {@code from}. */
    private static String firstArgument(String source, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                i += source.charAt(i + 1) == '\\' ? 3 : 2;   // a char literal such as '(' or '\n'
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) return source.substring(from, i);
                depth--;
            } else if (c == ',' && depth == 0) {
                return source.substring(from, i);
            }
        }
        return source.substring(from);
    }
}
