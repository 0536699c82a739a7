package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.notebook.Notebook;

/** A submission may write in its own folder, and nowhere else: a write outside is refused, and the run stops there. */
class ConfinementIT {
    @TempDir Path dir;

    @Test
    void aWriteOutsideItsFolderIsRefusedAndStopsTheRunWithTheReason() throws Exception {
        assumeTrue(Confinement.available(), "bwrap (Debian's bubblewrap) must be installed and able to run; .ci/run installs it");
        Path outside = dir.resolve("outside.txt");
        Notebook learner = LearnerVersions.of(Notebook.read(GraderIT.SOLUTIONS.resolve(GraderIT.NB)));
        Path in = Files.createDirectories(dir.resolve("submissions"));
        GraderIT.allBut(learner, "t-z", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + outside + "\"), \"took over\");\n"
                + GraderIT.RIGHT.get("t-z")).write(in.resolve("outside/" + GraderIT.NB));
        GraderIT.allBut(learner, "t-z", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"notes.txt\"), \"mine\");\n"
                + GraderIT.RIGHT.get("t-z")).write(in.resolve("inside/" + GraderIT.NB));

        Grader grader = new Grader(GraderIT.SOLUTIONS, GraderIT.SETTINGS, NotebookRuns.classpath());
        Map<String, Map<String, Grader.Score>> scores = grader.grade(in, dir.resolve("out"), 1, Shard.ALL, System.out).stream()
                .flatMap(s -> s.scores().stream())
                .collect(Collectors.groupingBy(Grader.Score::learner, Collectors.toMap(Grader.Score::exercise, s -> s)));

        assertFalse(Files.exists(outside), "nothing was written outside the submission's folder");
        Map<String, Grader.Score> out = scores.get("outside");
        assertEquals(out.get("t-sigma-check").maxPoints(), out.get("t-sigma-check").points(), "what ran before the write keeps its points: " + out);
        for (String check : List.of("t-z-check", "t-fn-check")) {
            assertEquals(0, out.get(check).points(), check);
            assertEquals("not run: stopped: it tried to write outside its folder, which a submission may not (only its own folder is writable)",
                    out.get(check).feedback(), check);
        }
        double inside = scores.get("inside").values().stream().mapToDouble(Grader.Score::points).sum();
        double max = scores.get("inside").values().stream().mapToDouble(Grader.Score::maxPoints).sum();
        assertEquals(max, inside, "a write inside its own folder is fine: " + scores.get("inside"));
    }
}
