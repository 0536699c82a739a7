package vae.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The second kernelspec, {@code vae-java-ipc}, for frontends that start kernels over ZeroMQ's ipc transport (Google
 * Colab; jupyter_client with {@code transport='ipc'}). JeroMQ 0.6.0, the kernel's ZeroMQ, has no ipc: it maps an
 * {@code ipc://} address to a loopback tcp port, where no frontend connects. This spec starts {@code ipc_launcher.py}
 * (pyzmq) in front of the same JVM: it binds the frontend's ipc sockets and passes every message on to the kernel over
 * loopback tcp. The plain kernel refuses an ipc connection file with {@link #refusal(String)}.
 */
public final class IpcKernelspec {
    public static final String NAME = "vae-java-ipc";
    public static final String DISPLAY_NAME = "Java (VAE notebooks, ipc launcher for Colab)";
    static final String LAUNCHER = "ipc_launcher.py";

    private IpcKernelspec() {}

    /**
     * Writes {@code <dataDir>/kernels/vae-java-ipc/} from the plain kernelspec {@code spec}: the same JVM, env and
     * interrupt mode, with the launcher in front. Its argv starts with "python3", which jupyter_client replaces by the
     * Python it runs in (so pyzmq is there); the launcher appends the connection file it writes for the JVM.
     */
    public static Path install(Path dataDir, JsonObject spec) throws IOException {
        Path dir = dataDir.resolve("kernels").resolve(NAME);
        Files.createDirectories(dir);
        Path launcher = dir.resolve(LAUNCHER);
        try (InputStream in = IpcKernelspec.class.getResourceAsStream(LAUNCHER)) {
            if (in == null) {
                throw new IOException(LAUNCHER + " is missing from the kernel's jar");
            }
            Files.copy(in, launcher, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonArray jvm = spec.getAsJsonArray("argv");
        JsonArray argv = new JsonArray();
        argv.add("python3");
        argv.add(launcher.toAbsolutePath().toString());
        argv.add("{connection_file}");
        for (int i = 0; i < jvm.size() - 1; i++) { // all but the plain spec's own {connection_file}
            argv.add(jvm.get(i));
        }
        JsonObject ipc = spec.deepCopy();
        ipc.add("argv", argv);
        ipc.addProperty("display_name", DISPLAY_NAME);
        Files.writeString(dir.resolve("kernel.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(ipc) + "\n");
        return dir;
    }

    /**
     * After {@link Installer#install}: with {@code launcherForPlain} ({@code install --ipc}) the plain kernelspec's
     * {@code kernel.json} becomes the ipc one (display name kept), so notebooks whose metadata names {@code vae-java}
     * start through the launcher (Colab starts the kernel the notebook names). Returns the line the installer prints.
     */
    public static String installed(Path dataDir, boolean launcherForPlain) throws IOException {
        String line = "Installed kernelspec " + NAME + " (\"" + DISPLAY_NAME + "\") beside it, for frontends that start"
                + " kernels over ipc (Google Colab)";
        if (!launcherForPlain) {
            return line;
        }
        Path ipc = dataDir.resolve("kernels").resolve(NAME);
        Path plain = dataDir.resolve("kernels").resolve(Installer.NAME);
        JsonObject spec = JsonParser.parseString(Files.readString(ipc.resolve("kernel.json"))).getAsJsonObject();
        // its own copy of the launcher, so that removing vae-java-ipc leaves vae-java working
        Files.copy(ipc.resolve(LAUNCHER), plain.resolve(LAUNCHER), StandardCopyOption.REPLACE_EXISTING);
        spec.getAsJsonArray("argv").set(1, new JsonPrimitive(plain.resolve(LAUNCHER).toAbsolutePath().toString()));
        spec.addProperty("display_name", Installer.DISPLAY_NAME);
        Files.writeString(plain.resolve("kernel.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
        return line + "; --ipc: " + Installer.NAME + " starts through that launcher too";
    }

    /** True, after saying why on stderr (which Jupyter logs), where the kernel cannot serve the transport: not tcp. */
    public static boolean refuses(String transport) {
        if (transport.equals("tcp")) {
            return false;
        }
        System.err.println(refusal(transport));
        return true;
    }

    /** What the plain kernel prints (to stderr, which Jupyter logs) before it exits on a connection file it cannot serve. */
    public static String refusal(String transport) {
        return "The Java kernel (" + Installer.NAME + ") was started with \"transport\": \"" + transport + "\" in its"
                + " connection file, which it cannot serve: its ZeroMQ (JeroMQ) has only tcp, so it would listen where no"
                + " frontend connects and the notebook would wait at \"Connecting\" for ever. Google Colab starts kernels"
                + " over ipc, and so does jupyter_client with transport='ipc'. The way out: choose the kernel \""
                + DISPLAY_NAME + "\" (kernelspec " + NAME + ", which \"./tutorial install-kernel\" or \"vae.kernel.Main"
                + " install\" writes beside " + Installer.NAME + "), whose Python launcher speaks ipc to the frontend and tcp"
                + " to this kernel; or install with --ipc (\"./tutorial install-kernel --ipc\"), which puts that launcher in "
                + Installer.NAME + " too, for notebooks that name " + Installer.NAME + " (on Colab); or start the frontend"
                + " with transport tcp (Jupyter's default).";
    }
}
