package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/**
 * The Jupyter project's own kernel test suite (Debian's python3-jupyter-kernel-test) against the packaged kernel:
 * {@code src/test/python/kernel_test_suite.py} gives it Java samples, and it runs with {@code python3 -m unittest}
 * against the kernelspec installed into a temporary JUPYTER_DATA_DIR. Skipped where the suite is absent.
 */
class KernelTestSuiteIT {
    /** The suite's tests that do not apply to this kernel (kernel_test_suite.py says why beside each attribute). */
    static final Set<String> NOT_APPLICABLE = Set.of("test_pager", "test_clear_output", "test_history");

    /** A unittest -v line: "test_x (module.Class.test_x) ... ok", or a subtest's, with its parameters after. */
    static final Pattern RESULT = Pattern.compile("^\\s*(test_\\w+) \\([\\w.]+\\)( \\(.*\\))? \\.\\.\\. (ok|FAIL|ERROR|skipped.*)$");

    @TempDir
    static Path tmp;
    static int exitCode;
    static String output;

    @BeforeAll
    static void runTheSuite() throws Exception {
        String python = KernelIT.python();
        Assumptions.assumeTrue(python != null && imports(python, "jupyter_kernel_test"), "Skipping Jupyter's kernel test"
                + " suite: no python3 with jupyter_client and jupyter_kernel_test here. On Debian: apt-get install"
                + " python3-jupyter-client python3-jupyter-kernel-test");
        Path data = tmp.resolve("jupyter-data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
        Path log = tmp.resolve("unittest.txt");
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "unittest", "-v", "kernel_test_suite")
                .directory(new File("src/test/python")).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_DATA_DIR", data.toString());
        pb.environment().put("VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString());
        pb.environment().remove("JUPYTER_PATH");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in src/test/python
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the kernel test suite did not finish in 180 s:\n" + Files.readString(log));
        }
        exitCode = p.exitValue();
        output = Files.readString(log);
    }

    static boolean imports(String python, String module) throws Exception {
        Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** The tests (with their subtests' parameters) whose outcome starts with {@code outcome}. */
    static List<String> outcomes(String... outcome) {
        List<String> found = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = RESULT.matcher(line);
            if (m.matches() && List.of(outcome).stream().anyMatch(o -> m.group(3).startsWith(o))) {
                found.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
            }
        }
        return found;
    }

    /** What unittest printed about the failures: from its first "=====" line on. */
    static String failureDetails() {
        int at = output.indexOf("\n======");
        return at < 0 ? output : output.substring(at);
    }

    @Test
    void everyApplicableTestOfJupytersKernelSuitePasses() {
        List<String> failing = outcomes("FAIL", "ERROR");
        assertEquals(List.of(), failing, "failing tests of jupyter_kernel_test:\n" + failureDetails());
        assertEquals(0, exitCode, "python3 -m unittest kernel_test_suite failed:\n" + output);
        Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(output);
        assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 12, "the suite ran too few tests:\n" + output);
    }

    @Test
    void onlyTheTestsThatDoNotApplyToJavaAreSkipped() {
        Set<String> skipped = new TreeSet<>();
        outcomes("skipped").forEach(t -> skipped.add(t.replaceAll(" \\(.*", "")));
        assertEquals(new TreeSet<>(NOT_APPLICABLE), skipped, "skipped tests:\n" + output);
    }
}
