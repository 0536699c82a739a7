package vae.kernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import vae.kernel.install.Installer;
import vae.kernel.install.IpcKernelspec;
import vae.kernel.install.KernelMemory;
import vae.kernel.runner.NotebookRunner;
import vae.kernel.session.Session;
import vae.kernel.wire.ConnectionInfo;
import vae.kernel.wire.JupyterKernel;
import vae.kernel.wire.Wire;

/**
 * The kernel's command line: {@code kernel} (what kernel.json starts), {@code install} (the kernelspecs) and
 * {@code run} (notebooks headless). Their options are written once, in {@link CommandLine}; {@code --help} prints them.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? System.err : System.out).println(CommandLine.usage());
            System.exit(args.length == 0 ? 2 : 0);
        }
        Optional<CommandLine.Command> command = CommandLine.command(args[0]);
        if (command.isEmpty()) {
            System.err.println("Unknown command " + args[0] + "\n" + CommandLine.usage());
            System.exit(2);
        }
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(command.get(), Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println("usage: java -cp CLASSPATH vae.kernel.Main\n" + command.get().usage().stripTrailing());
            System.exit(0);
        }
        int code = switch (command.get().name()) {
            case "kernel" -> kernel(parsed);
            case "install" -> install(parsed);
            default -> run(parsed);
        };
        System.exit(code);
    }

    private static int kernel(CommandLine.Parsed parsed) throws Exception {
        KernelRuntime.start("kernel");
        ConnectionInfo info = ConnectionInfo.read(Path.of(parsed.operands().get(0)));
        if (IpcKernelspec.refuses(info.transport())) { // ipc (Colab): JeroMQ would bind where no frontend connects
            return 3;
        }
        Wire wire = new Wire(info);
        // Answer kernel_info at once; JShell starts meanwhile and the first request that needs it waits.
        CompletableFuture<Session> session = CompletableFuture.supplyAsync(Session::create);
        JupyterKernel kernel = new JupyterKernel(wire, session);
        KernelRuntime.serve(kernel, session);
        return kernel.run();
    }

    private static int install(CommandLine.Parsed parsed) throws Exception {
        String where = parsed.last("--user", "--sys-prefix", "--prefix");   // the last one given wins
        Installer.Scope scope = "--sys-prefix".equals(where) ? Installer.Scope.SYS_PREFIX
                : "--prefix".equals(where) ? Installer.Scope.PREFIX : Installer.Scope.USER;
        Path prefix = scope == Installer.Scope.PREFIX ? Path.of(parsed.value("--prefix", null)) : null;
        KernelMemory memory = KernelMemory.defaults();
        Path dataDir;
        try {
            if (parsed.has("--heap")) memory = memory.withHeap(parsed.value("--heap", null));
            if (parsed.has("--native-memory")) memory = memory.withNative(parsed.value("--native-memory", null));
            dataDir = Installer.dataDir(scope, prefix);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        Path dir = Installer.install(dataDir, Installer.currentJava(), classpath, parsed.has("--copy-jars"), parsed.has("--cds"), memory);
        System.out.println("Installed kernelspec " + Installer.NAME + " (\"" + Installer.DISPLAY_NAME + "\") in " + dir + ", " + memory);
        System.out.println(IpcKernelspec.installed(dataDir, parsed.has("--ipc")));
        return 0;
    }

    private static int run(CommandLine.Parsed parsed) throws Exception {
        List<Path> notebooks = new ArrayList<>();
        for (String operand : parsed.operands()) {
            Path nb = Path.of(operand);
            if (!Files.isRegularFile(nb)) {
                System.err.println("No notebook at " + nb.toAbsolutePath());
                return 2;
            }
            notebooks.add(nb);
        }
        Path outDir = Path.of(parsed.value("--output-dir", Path.of("target", "executed").toString()));
        KernelRuntime.start("runner");
        int failures = NotebookRunner.runEach(notebooks, nb -> parsed.has("--in-place") ? nb : NotebookRunner.outputFor(nb, outDir),
                parsed.has("--keep-going"), System.out);   // the console: cells' output goes into the notebooks
        return failures == 0 ? 0 : 1;
    }
}
