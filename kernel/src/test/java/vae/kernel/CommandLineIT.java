package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.install.Installer;

/** The packaged kernel's command line, run as a learner or CI would: install, run notebooks, and the kernel process. */
class CommandLineIT {
    @TempDir
    Path tmp;

    private static List<String> java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Installer.currentJava(), "-Djava.awt.headless=true", "-cp",
                String.join(File.pathSeparator, KernelIT.kernelClasspath()), "vae.kernel.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private record Run(int code, String output) {}

    private Run run(List<String> command, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString());
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
        return new Run(p.exitValue(), out);
    }

    @Test
    void runExecutesANotebookHeadlessIntoValidNbformatAndFailsOnAnError() throws Exception {
        Path nb = tmp.resolve("demo.ipynb");
        Files.writeString(nb, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [
                  {"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": "var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(150).build();\\nchart.addSeries(\\"s\\", new double[]{0, 1}, new double[]{1, 0});\\nchart"},
                  {"cell_type": "code", "id": "b", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": "System.out.println(\\"printed\\");\\n1 + 1"}]}
                """);
        Path outDir = tmp.resolve("executed");
        Run ok = run(java("run", "--output-dir", outDir.toString(), nb.toString()));
        assertEquals(0, ok.code(), ok.output());
        assertTrue(ok.output().startsWith("ok    " + nb + " (2 cells"), ok.output());
        Path executed = outDir.resolve("demo.ipynb");
        String text = Files.readString(executed);
        assertTrue(text.contains("\"image/png\": \"iVBORw0KGgo"), "chart embedded as PNG");
        assertTrue(text.contains("\"text\": \"printed\\n\""), text);

        String python = KernelIT.python();
        if (python != null) { // nbformat's own validator, where Jupyter is installed
            Run valid = run(List.of(python, "-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')",
                    executed.toString()));
            assertEquals("valid", valid.output().strip(), valid.output());
        }

        Files.writeString(nb, Files.readString(nb).replace("1 + 1", "1 / 0"));
        Run failed = run(java("run", "--output-dir", outDir.toString(), nb.toString()));
        assertEquals(1, failed.code(), failed.output());
        assertTrue(failed.output().contains("In [2]: java.lang.ArithmeticException: / by zero"), failed.output());
    }

    @Test
    void eachNotebookOfOneRunStartsInAFreshSession() throws Exception {
        Path first = tmp.resolve("first.ipynb"), second = tmp.resolve("second.ipynb");
        String cell = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": "%s"}]}
                """;
        Files.writeString(first, cell.formatted("int leftOver = 42;"));
        Files.writeString(second, cell.formatted("leftOver"));
        Run both = run(java("run", "--keep-going", "--output-dir", tmp.resolve("out").toString(), first.toString(), second.toString()));
        assertEquals(1, both.code(), both.output());
        assertTrue(both.output().contains("ok    " + first), both.output());
        assertTrue(both.output().contains("FAIL  " + second) && both.output().contains("cannot find symbol"),
                "the second notebook must not see the first one's variables:\n" + both.output());
        assertEquals(0, run(java("run", "--help")).code());
    }

    @Test
    void installWithPrefixIsFoundByJupyter() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Run install = run(java("install", "--prefix", prefix.toString(), "--cds"));
        assertEquals(0, install.code(), install.output());
        Path spec = prefix.resolve("share/jupyter/kernels/vae-java");
        assertTrue(Files.isRegularFile(spec.resolve("kernel.json")));
        // The class-data archive was recorded and the kernelspec uses it.
        assertTrue(Files.size(spec.resolve("kernel.jsa")) > 1_000_000, "kernel.jsa");
        assertTrue(Files.readString(spec.resolve("kernel.json")).contains("-XX:SharedArchiveFile=" + spec.resolve("kernel.jsa")));
        String python = KernelIT.python();
        Assumptions.assumeTrue(python != null, "no jupyter_client to list kernelspecs with");
        Run list = run(List.of(python, "-c", "from jupyter_client.kernelspec import KernelSpecManager as M; "
                + "s = M().get_kernel_spec('vae-java'); print(s.display_name, s.language, s.interrupt_mode)"),
                "JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        assertEquals("Java (VAE notebooks) java message", list.output().strip(), list.output());
    }

    /** ./tutorial's own options as a learner meets them: the frontends in its help, in English and Vietnamese, and a refusal. */
    @Test
    void tutorialHelpNamesTheFrontendsInBothLanguagesAndRefusesAnUnknownOne() throws Exception {
        Path script = Path.of("..", "tutorial").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isExecutable(script) && Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Run help = run(List.of(script.toString(), "--help"));
        assertEquals(0, help.code(), help.output());
        for (String said : List.of("JupyterLab 4 by default", "--frontend notebook", "--frontend classic", "--lang vi",
                "jupyter-requirements.txt", "install-kernel [OPTION...]", "run [OPTION...] NOTEBOOK...", "grade DIR",
                "grade --merge", "learner-versions [--check]", "export [--out DIR]", "bench")) {
            assertTrue(help.output().contains(said), "the help should say " + said + ":\n" + help.output());
        }
        // A command's options come from the kernel's own table (CommandLine), not a copy in the script.
        for (CommandLine.Command command : List.of(CommandLine.INSTALL, CommandLine.RUN)) {
            Run options = run(List.of(script.toString(), command == CommandLine.INSTALL ? "install-kernel" : "run", "--help"), "TUTORIAL_NO_BUILD", "1");
            assertEquals(0, options.code(), options.output());
            for (CommandLine.Option o : command.options()) {
                assertTrue(options.output().contains(o.synopsis() + " "), o.synopsis() + " missing:\n" + options.output());
            }
        }
        Run vi = run(List.of(script.toString(), "--lang", "vi", "--help"));
        assertEquals(0, vi.code(), vi.output());
        assertTrue(vi.output().contains("mặc định là JupyterLab 4") && vi.output().contains("mở Notebook 7 thay cho JupyterLab"),
                vi.output());
        Run wrong = run(List.of(script.toString(), "--lang", "vi", "--frontend", "lab3"));
        assertEquals(1, wrong.code(), wrong.output());
        assertTrue(wrong.output().contains("--frontend nhận lab (JupyterLab 4, mặc định)"), wrong.output());
        Run english = run(List.of(script.toString(), "--frontend=jupyterlab"));
        assertEquals(1, english.code(), english.output());
        assertTrue(english.output().contains("--frontend takes lab (JupyterLab 4, the default), notebook (Notebook 7)"
                + " or classic (Notebook 6.4), not 'jupyterlab'"), english.output());
    }

    @Test
    void kernelExitsWhenItsParentProcessDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "2").start();
        Path connection = tmp.resolve("connection.json");
        StringBuilder ports = new StringBuilder();
        for (String name : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (ServerSocket s = new ServerSocket(0)) {
                ports.append("\"").append(name).append("\": ").append(s.getLocalPort()).append(", ");
            }
        }
        Files.writeString(connection, "{" + ports + "\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", \"key\": \"k\","
                + " \"signature_scheme\": \"hmac-sha256\"}");
        ProcessBuilder pb = new ProcessBuilder(java("kernel", connection.toString())).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("kernel.out").toFile());
        pb.environment().put("JPY_PARENT_PID", Long.toString(parent.pid()));
        pb.environment().put("VAE_KERNEL_LOG_DIR", tmp.resolve("logs").toString());
        Process kernel = pb.start();
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
        boolean exited = kernel.waitFor(10, TimeUnit.SECONDS);
        if (!exited) {
            kernel.destroyForcibly();
        }
        assertTrue(exited, "the kernel should exit within seconds of its parent");
        assertEquals(0, kernel.exitValue());
    }
}
