package vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import vae.exercise.Check;
import vae.model.Checkpoint;
import vae.model.Vae;

/** Every message the learner can read exists in every language, with the same placeholders; and a notebook's choice is heard. */
class LanguageTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%[sd%]");
    /** Whole labels the Vietnamese edition keeps as they are (the README's glossary keeps KL and epoch; ELBO is a name). */
    private static final java.util.Set<String> SAME_IN_BOTH = java.util.Set.of("KL", "epoch", "ELBO", "q(z|x)", "p(z|x)", "log p̂(x), k = %d",
            "History(1 epoch%s%s)");

    @AfterEach
    void backToEnglish() { Language.reset(); }

    static Properties file(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = LanguageTest.class.getResourceAsStream("/vae/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> placeholders(String pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) found.add(m.group());
        return found;
    }

    @Test
    void everyEnglishMessageHasAVietnameseTwinWithTheSamePlaceholders() throws Exception {
        Properties en = file("messages.properties"), vi = file("messages_vi.properties");
        assertFalse(en.isEmpty());
        assertEquals(en.stringPropertyNames(), vi.stringPropertyNames(), "the two files must have the same keys");
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(vi.getProperty(key)), key + ": the same %s/%d in the same order");
            boolean sharedSymbols = en.getProperty(key).replaceAll("%[sd]", "").matches("[✔: ]*")
                    || SAME_IN_BOTH.contains(en.getProperty(key));
            if (!sharedSymbols) assertNotEquals(en.getProperty(key), vi.getProperty(key), key + " is not translated");
        }
    }

    @Test
    void aFailingCheckAndItsReportSpeakVietnameseWhenTheNotebookSaysSo() {
        Check.use(new vae.exercise.Verdicts());
        Language.use("vi");
        AssertionError e = assertThrows(AssertionError.class, () -> Check.closeTo("σ", new double[] {2, 4}, new double[] {1, 2}, 1e-6, ""));
        assertEquals("✘ σ[0] bằng 2.000, quá cao, lệch từ năm mươi đến một trăm phần trăm độ lớn của đáp án: lớn gấp 2 lần ở mọi phần tử:"
                + " thừa một hệ số (lấy tổng thay vì trung bình? logvar thay vì ½·logvar?)", e.getMessage());
        assertEquals("0 trên 1 phép kiểm tra qua; 1 chưa đúng (σ).", Check.report());
        Language.use("en");
        assertEquals("0 of 1 checks pass; 1 failing (σ).", Check.report());
    }

    @Test
    void badInputAndAMissingCheckpointSpeakVietnamese() {
        Language.use("vi");
        Vae vae = Vae.untrained();
        IllegalArgumentException pixels = assertThrows(IllegalArgumentException.class, () -> vae.forward(Nd4j.ones(1, 784).mul(255), new Random(1)));
        assertEquals("x có điểm ảnh từ 255.0 đến 255.0 nhưng mô hình cần [0, 1]: hãy chia các mức xám 0–255 cho 255", pixels.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> vae.forward(Nd4j.zeros(1, 28, 28), new Random(1)));
        assertTrue(shape.getMessage().contains("bộ mã hóa (encoder) cần [batch, 784]"), shape.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(Path.of("no-such.zip")));
        assertTrue(missing.getMessage().startsWith("Checkpoint no-such.zip không tồn tại. Hãy kiểm tra đường dẫn"), missing.getMessage());
    }

    @Test
    void anUnknownLanguageIsRefusedSayingWhichExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Language.use("fr"));
        assertTrue(e.getMessage().contains("[en, vi]"), e.getMessage());
        assertEquals("en", Language.current(), "a refused choice changes nothing");
    }
}
