package vae.kernel;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vae.kernel.install.Installer;
import vae.kernel.install.IpcKernelspec;
import vae.kernel.runner.NotebookRunner;
import vae.kernel.session.Session;
import vae.kernel.wire.ConnectionInfo;
import vae.kernel.wire.JupyterKernel;
import vae.kernel.wire.Wire;

/**
 * The kernel's command line.
 *
 * <pre>
 *   kernel CONNECTION_FILE                       run as a Jupyter kernel (what kernel.json starts)
 *   install [--user|--sys-prefix|--prefix DIR] [--copy-jars] [--cds] [--heap SIZE] [--native-memory SIZE] [--ipc]
 *                                                install the kernelspecs vae-java and vae-java-ipc
 *   run [--keep-going] [--output-dir DIR | --in-place] NOTEBOOK...
 *                                                execute notebooks headless, write the executed copies
 * </pre>
 */
public final class Main {
    private Main() {}

    static final String USAGE = """
            usage: java -cp CLASSPATH vae.kernel.Main COMMAND
              kernel CONNECTION_FILE       run as a Jupyter kernel (kernel.json starts this)
              install [--user | --sys-prefix | --prefix DIR] [--copy-jars] [--cds] [--heap SIZE] [--native-memory SIZE] [--ipc]
                                           install the kernelspecs "vae-java" and "vae-java-ipc" (a pyzmq launcher in front,
                                           for frontends using ipc: Colab; --ipc puts it in vae-java too) (default --user:
                                           $JUPYTER_DATA_DIR or ~/.local/share/jupyter); --copy-jars copies the jars into it;
                                           --cds records an AppCDS archive for it (not faster here: BENCHMARKS.md);
                                           --heap / --native-memory: the kernel's Java heap and ND4J's arrays (default 1g each)
              run [--keep-going] [--output-dir DIR | --in-place] NOTEBOOK...
                                           execute notebooks without Jupyter; writes DIR/NAME.ipynb
                                           (default DIR: target/executed); exit 1 on the first error""";

    public static void main(String[] args) throws Exception {
        vae.runtime.Launch.prepareThisJvm();
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int code = switch (args[0]) {
            case "kernel" -> kernel(rest);
            case "install" -> install(rest);
            case "run" -> run(rest);
            case "-h", "--help", "help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("Unknown command " + args[0] + "\n" + USAGE);
                yield 2;
            }
        };
        System.exit(code);
    }

    private static int kernel(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println(USAGE);
            return 2;
        }
        KernelLog.toFile("kernel");
        ConnectionInfo info = ConnectionInfo.read(Path.of(args[0]));
        if (IpcKernelspec.refuses(info.transport())) { // ipc (Colab): JeroMQ would bind where no frontend connects
            return 3;
        }
        Wire wire = new Wire(info);
        // Answer kernel_info at once; JShell starts meanwhile and the first request that needs it waits.
        CompletableFuture<Session> session = CompletableFuture.supplyAsync(Session::create);
        JupyterKernel kernel = new JupyterKernel(wire, session);
        // The widget targets are there before the frontend's widget manager connects and announces itself.
        vae.kernel.comm.CommManager.install(kernel.comms());
        vae.kernel.widgets.WidgetFrontend.install(kernel.comms(), t -> session.join().evaluator().failure(t));
        return kernel.run();
    }

    private static int install(String[] args) throws Exception {
        Installer.Scope scope = Installer.Scope.USER;
        Path prefix = null;
        boolean copy = false;
        boolean cds = false;
        boolean ipc = false;
        vae.kernel.install.KernelMemory memory = vae.kernel.install.KernelMemory.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cds" -> cds = true;
                case "--ipc" -> ipc = true;
                case "--heap", "--native-memory" -> {
                    if (i + 1 >= args.length) {
                        System.err.println(args[i] + " needs a size, e.g. " + args[i] + " 2g");
                        return 2;
                    }
                    try {
                        memory = args[i].equals("--heap") ? memory.withHeap(args[i + 1]) : memory.withNative(args[i + 1]);
                    } catch (IllegalArgumentException e) {
                        System.err.println(e.getMessage());
                        return 2;
                    }
                    i++;
                }
                case "--user" -> scope = Installer.Scope.USER;
                case "--sys-prefix" -> scope = Installer.Scope.SYS_PREFIX;
                case "--prefix" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("--prefix needs a directory");
                        return 2;
                    }
                    scope = Installer.Scope.PREFIX;
                    prefix = Path.of(args[++i]);
                }
                case "--copy-jars" -> copy = true;
                default -> {
                    System.err.println("Unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        Path dataDir;
        try {
            dataDir = Installer.dataDir(scope, prefix);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        Path dir = Installer.install(dataDir, Installer.currentJava(), classpath, copy, cds, memory);
        System.out.println("Installed kernelspec " + Installer.NAME + " (\"" + Installer.DISPLAY_NAME + "\") in " + dir + ", " + memory);
        System.out.println(IpcKernelspec.installed(dataDir, ipc));
        return 0;
    }

    private static int run(String[] args) throws Exception {
        boolean keepGoing = false;
        boolean inPlace = false;
        Path outDir = Path.of("target", "executed");
        List<Path> notebooks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-going" -> keepGoing = true;
                case "--in-place" -> inPlace = true;
                case "--output-dir" -> {
                    if (i + 1 >= args.length) {
                        System.err.println("--output-dir needs a directory");
                        return 2;
                    }
                    outDir = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> notebooks.add(Path.of(args[i]));
            }
        }
        if (notebooks.isEmpty()) {
            System.err.println("run needs at least one notebook\n" + USAGE);
            return 2;
        }
        for (Path nb : notebooks) {
            if (!Files.isRegularFile(nb)) {
                System.err.println("No notebook at " + nb.toAbsolutePath());
                return 2;
            }
        }
        KernelLog.toFile("runner");
        PrintStream console = System.out; // cells' output is routed into the notebooks from here on
        int failures = 0;
        for (Path nb : notebooks) {
            // Each notebook in a fresh session, as if in a new kernel: no variable or check verdict leaks into the next.
            try (Session session = Session.create()) {
                Path out = inPlace ? nb : NotebookRunner.outputFor(nb, outDir);
                long start = System.nanoTime();
                NotebookRunner.Report report = new NotebookRunner(session).run(nb, out, keepGoing);
                String took = String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
                if (report.ok()) {
                    console.println("ok    " + nb + " (" + report.cellsRun() + " cells, " + took + ") -> " + out);
                } else {
                    failures++;
                    console.println("FAIL  " + nb + " (" + took + ") -> " + out + "\n      " + report.firstError());
                    if (!keepGoing) {
                        return 1;
                    }
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
