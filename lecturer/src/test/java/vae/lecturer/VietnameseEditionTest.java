package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vae.kernel.notebook.Notebook;

/**
 * The Vietnamese edition is the English one with the words changed: every notebook there, the same cells in the same
 * order, code cells that run the same code (strings and comments aside), the same exercises, and a setup cell that
 * chooses Vietnamese; its prose is not the English prose.
 */
class VietnameseEditionTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Stream<Path> englishSolutions() {
        return LearnerVersions.solutionNotebooks(Edition.ENGLISH.solutions(ROOT)).stream();
    }

    @Test
    void theSkeletonKeepsCodeAndDropsWords() {
        assertEquals(CodeSkeleton.of("var t = chart(\"loss per epoch\", x); // the curve\nLanguage.use(\"en\");"),
                CodeSkeleton.of("vae.Language.use(\"vi\");\nvar t = chart(\"mất mát theo epoch\", x);   /* đường cong */"));
        assertEquals(CodeSkeleton.of("String s = \"a \\\"quoted\\\" // not a comment\"; int k = 1;"), CodeSkeleton.of("String s = \"\"; int k = 1;"));
        assertNotEquals(CodeSkeleton.of("double s = Math.exp(0.5 * lv);"), CodeSkeleton.of("double s = Math.exp(lv);"));
        assertNotEquals(CodeSkeleton.of("char c = 'a'; f(\"x\");"), CodeSkeleton.of("char c = 'b'; f(\"x\");"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishSolutions")
    void theVietnameseNotebookRunsTheSameCode(Path english) {
        Path vietnamese = Edition.VIETNAMESE.solutions(ROOT).resolve(english.getFileName());
        assertTrue(Files.isRegularFile(vietnamese), "the Vietnamese edition lacks " + ROOT.relativize(vietnamese));
        List<JsonObject> en = Notebook.read(english).cells(), vi = Notebook.read(vietnamese).cells();
        assertEquals(en.size(), vi.size(), english.getFileName() + ": the same number of cells in both editions");
        boolean choosesVietnamese = false;
        int sameProse = 0, prose = 0;
        for (int i = 0; i < en.size(); i++) {
            JsonObject e = en.get(i), v = vi.get(i);
            String where = english.getFileName() + " cell " + i + " (" + id(e) + ")";
            assertEquals(id(e), id(v), where + ": the same cell ids in the same order");
            assertEquals(e.get("cell_type"), v.get("cell_type"), where);
            assertEquals(Nbgrader.of(e), Nbgrader.of(v), where + ": the same exercise metadata");
            if (Notebook.isCode(e)) {
                assertEquals(CodeSkeleton.of(Notebook.source(e)), CodeSkeleton.of(Notebook.source(v)),
                        where + ": the code differs beyond strings and comments; a fix to the English code must reach the Vietnamese edition");
                String wrongEn = LearnerVersions.wrongAnswer(e), wrongVi = LearnerVersions.wrongAnswer(v);
                assertEquals(wrongEn == null ? null : CodeSkeleton.of(wrongEn), wrongVi == null ? null : CodeSkeleton.of(wrongVi), where + ": the same planted wrong answer");
                choosesVietnamese |= Notebook.source(v).contains("Language.use(\"vi\")");
            } else {
                prose++;
                if (Notebook.source(e).strip().equals(Notebook.source(v).strip())) sameProse++;
            }
        }
        assertTrue(choosesVietnamese, english.getFileName() + ": the Vietnamese setup cell should say Language.use(\"vi\")");
        assertTrue(sameProse <= prose / 10, english.getFileName() + ": " + sameProse + " of " + prose + " markdown cells are still the English text");
    }

    private static String id(JsonObject cell) {
        return cell.has("id") ? cell.get("id").getAsString() : "?";
    }
}
