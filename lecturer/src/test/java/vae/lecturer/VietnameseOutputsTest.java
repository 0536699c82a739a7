package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vae.kernel.notebook.Notebook;

/**
 * What the Vietnamese notebooks' stored outputs show a learner speaks Vietnamese where the library or the kernel wrote
 * it (issue 22 §2): tables' column names, the progress line, History's text, the digit sets, a printed lambda. The
 * outputs still hold code names a learner typed (mu, logVar, the names a cell asks a forward pass for), so this looks
 * for the library's English phrases exactly, not for English words anywhere. It reads the outputs as stored: after a
 * change to the library's words, re-run the Vietnamese notebooks ({@code ./tutorial run --in-place}) before it passes.
 */
class VietnameseOutputsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The library's English in an output: what it looks like, and where it came from. */
    record Phrase(Pattern pattern, String what) {
        static Phrase of(String regex, String what) { return new Phrase(Pattern.compile(regex), what); }
    }

    static final List<Phrase> ENGLISH = List.of(
            // Column names of LatentTable, SampleTable, ShapeTable, HistoryTable: as HTML and as Tablesaw's text.
            Phrase.of("<th>(image|dimension|samples|sample mean|sample std|value|shape|seconds)</th>", "an English column name (HTML)"),
            Phrase.of("(?m)^\\s*(image\\s+\\|\\s+)?dimension\\s+\\|", "the column \"dimension\" (text)"),
            Phrase.of("\\|\\s+(samples|sample mean|sample std|shape|seconds)\\s+\\|", "an English column name (text)"),
            Phrase.of("(?m)^\\s*value\\s+\\|\\s+shape\\b", "ShapeTable's \"value | shape\" (text)"),
            Phrase.of("\\b(train|test) (total loss|loss|reconstruction loss|reconstructionLoss|KL|kl)\\b", "a training history column or legend in English"),
            Phrase.of("(huấn luyện|kiểm tra) (loss|reconstructionLoss|kl)\\b", "a legend mixing Vietnamese and a code name"),
            // The progress line and History's text form.
            Phrase.of("· loss \\d", "the progress line's \"loss\""),
            Phrase.of("\\bbatch \\d+/\\d+ loss \\d", "the terminal progress bar's \"loss\""),
            Phrase.of("epoch \\d+: train \\{", "History's \"epoch 1: train {\""),
            Phrase.of("\\{loss=[-\\d]|, reconstructionLoss=[-\\d]|, kl=[-\\d]", "History's loss names in code (not VaeConfig's reconstructionLoss=BCE)"),
            Phrase.of("History\\(\\d+ epochs", "History's \"epochs\""),
            // The digit sets (Mnist.train(), Mnist.test()).
            Phrase.of("(?m)^(train|test)( \\(first \\d+\\))?: \\d+ ", "a digit set named \"train\" or \"test\""),
            // The kernel's text for a lambda.
            Phrase.of("\\ba lambda\\b|lambda implementing", "the kernel's \"a lambda implementing …\""));

    /** The stored Vietnamese solutions; -DvietnameseOutputs=DIR checks the copies a run wrote there (./tutorial run --output-dir DIR). */
    static Stream<Path> vietnameseSolutions() {
        String elsewhere = System.getProperty("vietnameseOutputs");
        return LearnerVersions.solutionNotebooks(elsewhere == null ? Edition.VIETNAMESE.solutions(ROOT) : Path.of(elsewhere)).stream();
    }

    /** The English phrases in one notebook's outputs, cell by cell. */
    static List<String> english(Path notebook) {
        List<String> found = new ArrayList<>();
        List<JsonObject> cells = Notebook.read(notebook).cells();
        for (int i = 0; i < cells.size(); i++) {
            if (!Notebook.isCode(cells.get(i))) continue;
            String text = Notebook.outputText(cells.get(i));
            for (Phrase p : ENGLISH) {
                Matcher m = p.pattern().matcher(text);
                if (m.find()) found.add("cell " + i + ": " + p.what() + ": \"" + m.group().strip() + "\"");
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vietnameseSolutions")
    void theOutputsSpeakVietnamese(Path notebook) {
        List<String> found = english(notebook);
        assertTrue(found.isEmpty(), notebook.getFileName() + " shows the library's English (re-run it with ./tutorial run --in-place "
                + "after a change to the library's words):\n  " + String.join("\n  ", found));
    }

    @Test
    void thePhrasesAreFoundWhereTheyWere() {
        String[] english = {
                "<thead><tr><th>dimension</th><th>μ</th></tr></thead>",
                " dimension  |  samples  |  μ  |  sample mean  |   σ   |  sample std  |",
                "          value            |     shape  |",
                "Huấn luyện [####################] 100% epoch 5/5 · batch 71/71 · loss 128.8952",
                "History(5 epochs and epoch 0)\n  epoch 1: train {loss=250.5, reconstructionLoss=243.9, kl=8.317}, test {…}, 3.07 s",
                "train: 9000 ảnh 28×28 điểm ảnh",
                "a lambda implementing java.util.function.DoubleBinaryOperator",
                "epoch  |  huấn luyện loss  |  kiểm tra reconstructionLoss  |",
                "<th>train KL</th>"};
        for (String text : english) {
            assertTrue(ENGLISH.stream().anyMatch(p -> p.pattern().matcher(text).find()), "not caught: " + text);
        }
        String[] vietnamese = {
                " chiều  |  số mẫu  |  μ  |  trung bình mẫu  |   σ   |  độ lệch chuẩn mẫu  |",
                "          giá trị            |  kích thước  |\n                          x  |    [3, 784]  |\n    reconstructionLoss  |        []  |",
                "Huấn luyện [####################] 100% epoch 5/5 · batch 71/71 · mất mát 128.8952",
                "History(5 epoch và epoch 0)\n  epoch 1: huấn luyện {mất mát=250.5, mất mát tái tạo=243.9, KL=8.317}, kiểm tra {…}, 3.07 s",
                "tập huấn luyện: 9000 ảnh 28×28 điểm ảnh",
                "λ (double, double) → double (DoubleBinaryOperator)",
                "epoch  |  mất mát tổng (huấn luyện)  |  KL (kiểm tra)  |  giây  |",
                "[x, mu, logVar, sigma, epsilon, z, reconstruction, reconstructionLoss, kl, loss]",
                "VaeConfig(architecture=MLP, hiddenSize=400, latentSize=10, reconstructionLoss=BCE, beta=1.0, seed=42, dataType=FLOAT)",
                "✔ klOfDimension: ½·(μ² + σ² − log σ² − 1)"};
        for (String text : vietnamese) {
            for (Phrase p : ENGLISH) {
                assertTrue(!p.pattern().matcher(text).find(), p.what() + " wrongly found in: " + text);
            }
        }
    }
}
