package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.Language;
import vae.kernel.notebook.Notebook;

/** A Vietnamese submission graded with --lang vi: its checks' verdicts and the grader's own words come in Vietnamese. */
class VietnameseFeedbackIT {
    @TempDir Path dir;

    @AfterEach
    void english() { Language.reset(); }

    @Test
    void theFeedbackPageSpeaksVietnamese() throws Exception {
        // The tiny assignment as the Vietnamese edition would have it: its setup cell chooses Vietnamese.
        Notebook solutions = Notebook.read(GraderIT.SOLUTIONS.resolve(GraderIT.NB));
        JsonObject setup = solutions.codeCells().get(0);
        Notebook.setSource(setup, "vae.Language.use(\"vi\");\n" + Notebook.source(setup));
        Path vi = Files.createDirectories(dir.resolve("vi/solutions"));
        solutions.write(vi.resolve(GraderIT.NB));
        Notebook learner = LearnerVersions.of(solutions);
        Path in = Files.createDirectories(dir.resolve("submissions"));
        // σ wrong by the classic mistake, z unanswered, the function right.
        Notebook wrong = GraderIT.answered(learner, "t-sigma", "sigma = new double[] {Math.exp(0.1), Math.exp(0.3), Math.exp(-0.1)};");
        GraderIT.answered(wrong, "t-fn", GraderIT.RIGHT.get("t-fn")).write(in.resolve("an/" + GraderIT.NB));

        Language.use("vi");
        Grader grader = new Grader(vi, GraderIT.SETTINGS, NotebookRuns.classpath());
        Map<String, Grader.Score> scores = grader.grade(in, dir.resolve("out"), 1, Shard.ALL, System.out).get(0).scores().stream()
                .collect(Collectors.toMap(Grader.Score::exercise, s -> s));

        assertTrue(scores.get("t-sigma-check").feedback().startsWith("✘ σ[0] bằng 1.105, quá cao"), scores.toString());
        assertEquals("chưa trả lời", scores.get("t-z-check").feedback(), scores.toString());
        assertEquals(scores.get("t-fn-check").maxPoints(), scores.get("t-fn-check").points(), scores.toString());
        String page = Files.readString(dir.resolve("out/executed/an/" + GraderIT.NB.replace(".ipynb", ".html")));
        assertTrue(page.contains("Phản hồi cho an: 01-tiny.ipynb"), "the page's title in Vietnamese");
        assertTrue(page.contains("trên 4 điểm.") && page.contains("Các phép kiểm tra được đánh dấu ẩn"), "the page's words in Vietnamese");
        assertTrue(page.contains("◻ chưa trả lời: z vẫn là null"), "the check's own message, printed in the learner's run, in Vietnamese");
        assertTrue(!page.contains("not yet answered") && !page.contains("points."), "no English left in what the learner reads");
    }
}
