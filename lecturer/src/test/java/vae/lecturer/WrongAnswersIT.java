package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vae.exercise.Verdict;
import vae.kernel.notebook.Notebook;
import vae.kernel.runner.NotebookRunner;

/**
 * Every exercise's check rejects a planted wrong answer: each answer cell of the solutions carries a plausible mistake
 * ({@code "vae": {"wrong_answer": …}}); with all of a notebook's answers replaced by theirs, every check cell must
 * fail with its ✘ verdict (an AssertionError from {@code Check}), no other cell may fail, and no check may pass. Run as
 * the grader runs them (the expected values kept as data), no ✘ line may show an expected value the answer did not give.
 */
class WrongAnswersIT {
    @TempDir static Path out;

    static Stream<Path> solutions() { return NotebookRuns.selected(LearnerVersions.solutionNotebooks(NotebookRuns.SOLUTIONS)).stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solutions")
    void everyCheckRejectsItsPlantedWrongAnswer(Path solution) throws Exception {
        Notebook source = Notebook.read(solution);
        List<String> missing = new ArrayList<>();
        for (JsonObject cell : source.codeCells()) {
            if (Nbgrader.isSolution(cell) && LearnerVersions.wrongAnswer(cell) == null) missing.add(Nbgrader.gradeId(cell));
        }
        assertTrue(missing.isEmpty(), solution.getFileName() + ": answer cells without a planted wrong answer (metadata vae.wrong_answer): " + missing);

        Path dir = Files.createDirectories(out.resolve(solution.getFileName().toString().replace(".ipynb", "")));
        Path planted = dir.resolve(solution.getFileName());
        LearnerVersions.withWrongAnswers(source).write(planted);
        Path executedDir = Files.createDirectories(dir.resolve("executed"));
        runKeepingGoing(planted, executedDir, dir.resolve("run.log"));

        Notebook executed = Notebook.read(NotebookRunner.outputFor(planted, executedDir));
        int checks = 0;
        for (JsonObject cell : executed.codeCells()) {
            List<Notebook.Error> errors = Notebook.errors(cell);
            String where = solution.getFileName() + " cell «" + Notebook.source(cell).strip().lines().findFirst().orElse("") + "»";
            if (!Nbgrader.isCheck(cell)) {
                assertTrue(errors.isEmpty(), where + " failed with the planted wrong answers: " + errors);
                continue;
            }
            checks++;
            List<Verdict> verdicts = Scoring.verdicts(cell);
            assertTrue(verdicts.stream().anyMatch(v -> v.answered() && !v.passed()),
                    where + " did not reject its planted wrong answer; it printed: " + Notebook.outputText(cell) + " " + errors);
            assertEquals(1, errors.size(), where + " should end with its check's AssertionError: " + errors);
            assertTrue(errors.get(0).ename().contains("AssertionError"), where + " ended with another error than a failed check: " + errors);
            for (Verdict v : verdicts) {
                if (!v.answered() || v.passed() || v.expected() == null) continue;
                List<String> given = numbers(v.got());
                for (String value : numbers(v.expected())) {
                    if (given.contains(value)) continue;   // the learner's own number, e.g. the entries they got right
                    String pattern = "(?<![\\d.\\-])" + java.util.regex.Pattern.quote(value) + "(?![\\d]|\\.\\d)";
                    assertTrue(!java.util.regex.Pattern.compile(pattern).matcher(Notebook.outputText(cell) + errors).find(),
                            where + ": its ✘ gives away the expected " + value + ": " + v.message());
                }
            }
        }
        assertTrue(checks >= 3, solution.getFileName() + " has " + checks + " checks");
    }

    /** The numbers of a verdict's value as it prints them: "[1.051, 1.350]" → 1.051, 1.350; a shape's sizes likewise. */
    private static List<String> numbers(String value) {
        if (value == null) return List.of();
        return java.util.regex.Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?").matcher(value).results().map(m -> m.group()).toList();
    }

    /** The headless runner with --keep-going, in the tests' small settings; its exit status is not the point here. */
    private static void runKeepingGoing(Path notebook, Path outputDir, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        NotebookRuns.start(List.of(java, "-Djava.awt.headless=true", "-cp", NotebookRuns.classpath(), "vae.kernel.Main",
                "run", "--keep-going", "--output-dir", outputDir.toString(), notebook.toString()), log, 180,
                Map.of(vae.runtime.EnvironmentNames.VAE_ANSWERS, vae.exercise.Answers.GRADER.setting()));
    }
}
