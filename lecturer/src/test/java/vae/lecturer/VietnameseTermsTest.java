package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vae.kernel.notebook.Notebook;

/**
 * The Vietnamese edition says each concept one way (README.vi.md's glossary, issue 22): none of the variants below
 * appears in the notebooks' prose (markdown outside {@code code}), in the Vietnamese strings and comments of their code
 * cells, in README.vi.md (outside code) or in the library's Vietnamese messages. Numbers follow one format too: a point
 * for decimals as Java prints them, thousands as 9000 and 100 000, never 9.000 or 10,000 (not checked in the messages,
 * whose %d prints Java's numbers).
 */
class VietnameseTermsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A form that must not appear, and the pattern that finds it. */
    record Variant(String name, Pattern pattern) {
        static Variant of(String name, String regex) {
            return new Variant(name, Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    /** One line per banned form; the glossary's one form is in the comment. */
    static final List<Variant> TERMS = List.of(
            Variant.of("lan truyền tiến", "\\blan truyền tiến\\b"),                 // forward pass: lượt truyền xuôi
            Variant.of("lan truyền xuôi", "\\blan truyền xuôi\\b"),
            Variant.of("truyền tiến", "(?<!lan )\\btruyền tiến\\b"),
            Variant.of("mẹo tham số hóa lại", "\\bmẹo tham số h(?:óa|oá) lại\\b"),   // thủ thuật tái tham số hóa
            Variant.of("tham số hóa lại", "(?<!mẹo )\\btham số h(?:óa|oá) lại\\b"),
            Variant.of("mẹo tái tham số hóa", "\\bmẹo tái tham số h(?:óa|oá)\\b"),
            Variant.of("hệ số tự do", "\\bhệ số tự do\\b"),                         // bias: hệ số điều chỉnh
            Variant.of("hệ số chệch", "\\bhệ số chệch\\b"),
            Variant.of("độ lệch (for bias; độ lệch chuẩn is σ, chênh lệch a difference)", "\\bđộ lệch\\b(?!\\s+chuẩn\\b)"),
            Variant.of("con số huấn luyện được", "\\bcon số huấn luyện được\\b"),   // tham số huấn luyện được
            Variant.of("số được huấn luyện", "(?<!trọng |tham )\\bsố được huấn luyện\\b"),   // "trọng số được huấn luyện": weights are trained
            Variant.of("bare prior", "\\bpriors?\\b"),                               // phân phối tiên nghiệm (prior)
            Variant.of("bare posterior", "\\bposteriors?\\b"),                       // phân phối hậu nghiệm
            Variant.of("bị collapse", "\\bbị collapse\\b"),                          // sụp đổ hậu nghiệm (posterior collapse)
            Variant.of("bare collapse", "(?<!bị )\\bcollapsed?\\b"),
            Variant.of("ô lệnh", "\\bô lệnh\\b"),                                    // ô mã / ô văn bản
            Variant.of("làm phẳng", "\\blàm phẳng\\b"),                              // trải phẳng
            Variant.of("hệ số học", "\\bhệ số học\\b"),                              // tốc độ học
            Variant.of("Bài N — (an exercise is **Bài tập N — …**)", "\\bBài \\d+\\s*—"),
            Variant.of("Bài tập N: (an exercise is **Bài tập N — …**)", "\\bBài tập \\d+\\s*:"),
            Variant.of("tập thử", "\\btập thử\\b"),                                  // tập kiểm tra
            Variant.of("lô (a batch is batch)", "\\blô\\b"),
            Variant.of("optimizer (bộ tối ưu)", "\\boptimi[sz]ers?\\b"));

    /** Numbers in prose: 9000, 100 000, 0.39 (as Java prints decimals). */
    static final List<Variant> NUMBERS = List.of(
            // 9.000 and 100.000 for thousands, 2.000 for two; 1.051 stays, a decimal as Java prints it with %.3f
            Variant.of("9.000-style thousands (write 9000, 100 000; 2.000 for two is 2)", "(?<![\\d.,])[1-9]\\d{0,2}(?:\\.000|(?:\\.\\d{3}){2,})(?![.,]?\\d)"),
            Variant.of("10,000-style thousands (write 10 000)", "(?<![\\d.,])[1-9]\\d{0,2}(?:,\\d{3})+(?![.,]?\\d)"),
            Variant.of("ungrouped number of 5+ digits (write 100 000, 640 804)", "(?<![\\d.,\\p{L}_])\\d{5,}(?![\\d\\p{L}_])"));

    /**
     * A gloss the glossary allows once after the Vietnamese term: "tiên nghiệm (prior)", "sụp đổ hậu nghiệm (posterior
     * collapse)", "phân phối hậu nghiệm gộp (aggregate posterior)".
     */
    static final Pattern GLOSS = Pattern.compile("((?:tiên|hậu) nghiệm[*_]*(?:\\s+\\p{L}+){0,2}[*_]*\\s*)\\((?:[A-Za-z-]+ )*(?:priors?|posteriors?|collapse)\\)",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern VIETNAMESE_LETTER = Pattern.compile("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void theNotebooksSayEachConceptOneWay() {
        List<String> hits = new ArrayList<>();
        for (Path nb : notebooks()) {
            String file = ROOT.relativize(nb).toString();
            for (JsonObject cell : Notebook.read(nb).cells()) {
                String id = cell.has("id") ? cell.get("id").getAsString() : "?";
                if (Notebook.isCode(cell)) {
                    for (String words : vietnameseStringsAndComments(Notebook.source(cell))) find(words, file, id, true, hits);
                } else {
                    find(prose(Notebook.source(cell)), file, id, true, hits);
                }
            }
        }
        assertTrue(hits.isEmpty(), hits.size() + " variants the glossary (README.vi.md) replaces:\n" + String.join("\n", hits));
    }

    @Test
    void theReadmeSaysEachConceptOneWay() {
        List<String> hits = new ArrayList<>();
        String[] lines = prose(read(ROOT.resolve("README.vi.md"))).split("\n", -1);
        for (int i = 0; i < lines.length; i++) find(lines[i], "README.vi.md", "line " + (i + 1), true, hits);
        assertTrue(hits.isEmpty(), hits.size() + " variants the glossary replaces:\n" + String.join("\n", hits));
    }

    @Test
    void theLibrarysMessagesSayEachConceptOneWay() {
        Path file = ROOT.resolve("lib/src/main/resources/vae/messages_vi.properties");
        Properties messages = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            messages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> hits = new ArrayList<>();
        for (String key : new TreeSet<>(messages.stringPropertyNames())) find(messages.getProperty(key), ROOT.relativize(file).toString(), key, false, hits);
        assertTrue(hits.isEmpty(), hits.size() + " variants the glossary replaces:\n" + String.join("\n", hits));
    }

    @Test
    void theCheckFindsEveryVariantAndLeavesTheGlossarysFormsAlone() {
        String banned = "Lượt lan truyền tiến; mẹo tham số hóa lại; hệ số tự do b; độ lệch b; 640804 số được huấn luyện; prior bị "
                + "collapse; ô lệnh; làm phẳng ảnh; hệ số học; **Bài 1 — x**; ### Bài tập 2: y; tập thử; một lô ảnh; optimizer; 9.000 ảnh; 2.000; 100.000";
        List<String> hits = new ArrayList<>();
        find(banned, "example", "c0", true, hits);
        String found = String.join("\n", hits);
        for (String variant : List.of("lan truyền tiến", "mẹo tham số hóa lại", "hệ số tự do", "độ lệch (for bias", "số được huấn luyện",
                "bare prior", "bị collapse", "ô lệnh", "làm phẳng", "hệ số học", "Bài N —", "Bài tập N:", "tập thử", "lô (a batch",
                "optimizer", "9.000-style", "ungrouped number"))
            assertTrue(found.contains("«" + variant), "the check misses " + variant + " in: " + found);
        assertTrue(found.contains("«9.000-style") && found.contains("in «") && found.split("9.000-style", -1).length == 4, "9.000, 2.000 and 100.000: " + found);

        String fine = "Lượt truyền xuôi, thủ thuật tái tham số hóa, hệ số điều chỉnh b, độ lệch chuẩn σ, 640 804 tham số huấn luyện được, "
                + "phân phối tiên nghiệm (prior), **phân phối tiên nghiệm** (prior), sụp đổ hậu nghiệm (posterior collapse), phân phối hậu nghiệm gộp (aggregate posterior), "
                + "ô mã, trải phẳng, tốc độ học, **Bài tập 1 — x.**, tập kiểm tra, lông, lồng, lỗ, bộ tối ưu, 9000 ảnh, 0.39, 128.9, "
                + "0.5000, 100 000, −5.427, σ ≈ [1.051, 1.162], trọng số được huấn luyện, AggregatePosterior, `priorBox`, `optimizer`,\n```java\nvar optimizer = lô;\n```\n[link](https://x.org/posterior)";
        List<String> none = new ArrayList<>();
        find(prose(fine), "example", "c1", true, none);
        assertEquals(List.of(), none);

        assertEquals(List.of("chạy lượt lan truyền tiến", "// hệ số học 0.001"),
                vietnameseStringsAndComments("var s = \"chạy lượt lan truyền tiến\"; var k = \"prior\"; // hệ số học 0.001\n/* the prior */ int lô = 1;"));
        List<String> inCode = new ArrayList<>();
        for (String words : vietnameseStringsAndComments("var s = \"chạy lượt lan truyền tiến\"; var k = \"prior\"; int lô = 1;")) find(words, "example", "c2", true, inCode);
        assertEquals(1, inCode.size(), inCode.toString());
    }

    static List<Path> notebooks() {
        try (Stream<Path> files = Files.list(Edition.VIETNAMESE.solutions(ROOT))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds "file cell id: «variant» in «snippet»" for every banned form in {@code text}. */
    static void find(String text, String file, String where, boolean numbers, List<String> hits) {
        String t = GLOSS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("$1");
        List<Variant> variants = new ArrayList<>(TERMS);
        if (numbers) variants.addAll(NUMBERS);
        for (Variant v : variants) {
            Matcher m = v.pattern().matcher(t);
            while (m.find()) {
                String snippet = t.substring(Math.max(0, m.start() - 40), Math.min(t.length(), m.end() + 40)).replaceAll("\\s+", " ");
                hits.add(file + " " + where + ": «" + v.name() + "» in «…" + snippet + "…»");
            }
        }
    }

    /**
     * Markdown as a reader reads it: without inline code, fenced code blocks that name a language (a diagram in words
     * stays), link targets, and the English column of a glossary table ("| English | tiếng Việt |").
     */
    static String prose(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false, inGlossary = false;
        for (String line : markdown.split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("```")) {
                if (inCode) inCode = false;
                else if (s.length() > 3) inCode = true;
                out.append('\n');
                continue;
            }
            if (inCode) {
                out.append('\n');
                continue;
            }
            if (s.matches("\\|\\s*English\\s*\\|.*")) inGlossary = true;
            else if (!s.startsWith("|")) inGlossary = false;
            if (inGlossary) line = line.replaceFirst("^\\s*\\|[^|]*", "|");
            out.append(line.replaceAll("``[^`]*``|`[^`\n]*`", " ").replaceAll("\\]\\([^)\\s]*\\)", "]")).append('\n');
        }
        return out.toString();
    }

    /** The string literals, text blocks and comments of a Java cell that are Vietnamese (have a Vietnamese letter). */
    static List<String> vietnameseStringsAndComments(String java) {
        List<String> out = new ArrayList<>();
        for (JavaSource.Piece p : JavaSource.pieces(java)) {
            String words = switch (p.kind()) {
                case LINE_COMMENT, BLOCK_COMMENT, TEXT_BLOCK -> p.text();
                case STRING -> p.content();
                case CODE, CHAR -> null;
            };
            if (words != null && VIETNAMESE_LETTER.matcher(words).find()) out.add(words);
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
