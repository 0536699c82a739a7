package vae.lecturer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every learner version of both editions (the notebooks a learner opens), executed by Debian's Jupyter (nbconvert on
 * nbclient) with the real kernel over ZeroMQ, installed into a temporary data dir. The solutions run through the
 * kernel's own runner ({@link NotebooksThroughRunnerIT}). Skipped with a message where Jupyter is absent; CI installs it.
 */
class NotebooksThroughJupyterIT {
    @TempDir static Path dir;
    static Path dataDir;

    @BeforeAll
    static void installKernel() throws Exception {
        boolean jupyter = Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert"));
        assumeTrue(jupyter, "Debian's Jupyter is not installed (apt-get install jupyter-nbconvert python3-nbclient): skipping the nbclient runs");
        dataDir = Files.createDirectories(dir.resolve("jupyter-data"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        NotebookRuns.run(List.of(java, "-cp", NotebookRuns.classpath(), "vae.kernel.Main", "install", "--prefix", dir.resolve("prefix").toString()),
                dir.resolve("install.log"), 60);
    }

    static Stream<Path> notebooks() { return NotebookRuns.learnerVersions(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void executesThroughNbclient(Path notebook) throws Exception {
        Path out = NotebookRuns.outputDir(dir, notebook);
        NotebookRuns.run(List.of("/usr/bin/env", "JUPYTER_PATH=" + dir.resolve("prefix/share/jupyter"), "JUPYTER_DATA_DIR=" + dataDir,
                "/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=vae-java",
                "--ExecutePreprocessor.timeout=120", "--output-dir", out.toString(), notebook.toString()),
                out.resolve(notebook.getFileName() + ".log"), 240);
        NotebookRuns.assertExecutedWell(notebook, out.resolve(notebook.getFileName()));
    }
}
