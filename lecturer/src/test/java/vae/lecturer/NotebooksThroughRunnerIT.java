package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vae.kernel.runner.NotebookRunner;

/**
 * Every notebook of both editions with its solutions, through the kernel's own headless runner (no Python), one JVM
 * per notebook: the path the lecturer's tools and the grader take. The learner versions go through Jupyter itself
 * ({@link NotebooksThroughJupyterIT}), as a learner opens them; each notebook file runs once, which keeps CI's time.
 */
class NotebooksThroughRunnerIT {
    @TempDir static Path out;

    static Stream<Path> notebooks() { return NotebookRuns.solutions(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void runsWithoutErrorsAndItsChecksBehave(Path notebook) throws Exception {
        Path dir = NotebookRuns.outputDir(out, notebook);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        NotebookRuns.run(List.of(java, "-Djava.awt.headless=true", "-cp", NotebookRuns.classpath(), "vae.kernel.Main", "run",
                "--output-dir", dir.toString(), notebook.toString()), dir.resolve(notebook.getFileName() + ".log"), 180);
        Path executed = NotebookRunner.outputFor(notebook, dir);
        NotebookRuns.assertExecutedWell(notebook, executed);
        if (Edition.ofNotebook(notebook).equals(Edition.VIETNAMESE)) {
            // What this run printed, not only what is stored: the library's English must not reach a Vietnamese page.
            List<String> english = VietnameseOutputsTest.english(executed);
            assertTrue(english.isEmpty(), notebook.getFileName() + " printed the library's English:\n  " + String.join("\n  ", english));
        }
    }
}
