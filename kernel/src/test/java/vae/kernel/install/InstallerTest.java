package vae.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {

    @Test
    void writesAKernelspecThatStartsThisJavaWithTheClasspath(@TempDir Path data) throws Exception {
        Path dir = Installer.install(data, "/opt/java/bin/java", List.of("/a/kernel.jar", "/b/lib.jar"), false);
        assertEquals(data.resolve("kernels/vae-java"), dir);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java (VAE notebooks)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("1", spec.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());
        assertEquals("1", spec.getAsJsonObject("env").get("MALLOC_ARENA_MAX").getAsString());   // malloc that reuses memory
        assertEquals("33554432", spec.getAsJsonObject("env").get("MALLOC_MMAP_THRESHOLD_").getAsString());
        JsonArray argv = spec.getAsJsonArray("argv");
        assertEquals("/opt/java/bin/java", argv.get(0).getAsString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        List<String> args = argv.asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(args.contains("/a/kernel.jar:/b/lib.jar"), args.toString());
        assertTrue(args.stream().anyMatch(a -> a.startsWith("-Dorg.bytedeco.javacpp.cachedir=")
                && a.endsWith(".cache/vae-notebooks/javacpp")), args.toString());
        assertEquals("/a/kernel.jar:/b/lib.jar\n", Files.readString(dir.resolve("classpath.txt")));
        assertTrue(args.containsAll(KernelMemory.defaults().jvmFlags()), "memory is bounded by default: " + args);
    }

    @Test
    void besideItTheIpcKernelspecPutsThePythonLauncherInFrontOfTheSameJvm(@TempDir Path data) throws Exception {
        Path plain = Installer.install(data, "/opt/java/bin/java", List.of("/a/kernel.jar"), false);
        Path dir = data.resolve("kernels").resolve(IpcKernelspec.NAME);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        JsonObject jvmSpec = JsonParser.parseString(Files.readString(plain.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        List<String> jvm = jvmSpec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        // "python3": jupyter_client replaces it by the Python it runs in, which has pyzmq
        assertEquals(List.of("python3", dir.resolve("ipc_launcher.py").toAbsolutePath().toString(), "{connection_file}"),
                argv.subList(0, 3));
        assertEquals(jvm.subList(0, jvm.size() - 1), argv.subList(3, argv.size()), "the same JVM; the launcher adds its file");
        assertTrue(Files.readString(dir.resolve("ipc_launcher.py")).contains("import zmq"));
        assertEquals(IpcKernelspec.DISPLAY_NAME, spec.get("display_name").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals(jvmSpec.get("env"), spec.get("env"));
        assertEquals(jvmSpec.get("metadata"), spec.get("metadata"));
    }

    @Test
    void withIpcThePlainKernelspecStartsThroughTheLauncherToo(@TempDir Path data) throws Exception {
        Path plain = Installer.install(data, "/opt/java/bin/java", List.of("/a/kernel.jar"), false);
        assertTrue(IpcKernelspec.installed(data, false).contains(IpcKernelspec.NAME));
        assertEquals("/opt/java/bin/java", JsonParser.parseString(Files.readString(plain.resolve("kernel.json")))
                .getAsJsonObject().getAsJsonArray("argv").get(0).getAsString(), "without --ipc: the plain JVM");
        assertTrue(IpcKernelspec.installed(data, true).contains("--ipc"));
        JsonObject spec = JsonParser.parseString(Files.readString(plain.resolve("kernel.json"))).getAsJsonObject();
        JsonObject ipc = JsonParser.parseString(Files.readString(data.resolve("kernels/vae-java-ipc/kernel.json"))).getAsJsonObject();
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        List<String> ipcArgv = ipc.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(plain.resolve("ipc_launcher.py").toAbsolutePath().toString(), argv.get(1), "its own copy of the launcher");
        assertTrue(Files.isRegularFile(plain.resolve("ipc_launcher.py")));
        assertEquals(ipcArgv.subList(2, ipcArgv.size()), argv.subList(2, argv.size()));
        assertEquals("python3", argv.get(0));
        assertEquals("Java (VAE notebooks)", spec.get("display_name").getAsString());
    }

    @Test
    void heapAndNativeMemoryOptionsReachTheKernelspec(@TempDir Path data) throws Exception {
        KernelMemory memory = KernelMemory.defaults().withHeap("2g").withNative("512m");
        Path dir = Installer.install(data, "java", List.of("/a/kernel.jar"), false, false, memory);
        List<String> args = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(args.contains("-Xmx2048m") && args.contains("-Dorg.bytedeco.javacpp.maxbytes=" + (512L << 20)), args.toString());
        assertTrue(args.indexOf("-Xmx2048m") < args.indexOf("vae.kernel.Main"), "a JVM flag, before the main class");
    }

    @Test
    void copyJarsPutsTheJarsIntoTheKernelspec(@TempDir Path data, @TempDir Path jars) throws Exception {
        Path jar = Files.writeString(jars.resolve("one.jar"), "not really a jar");
        Path dir = Installer.install(data, "java", List.of(jar.toString()), true);
        Path copied = dir.resolve("lib/one.jar");
        assertEquals("not really a jar", Files.readString(copied));
        assertEquals(copied.toAbsolutePath() + "\n", Files.readString(dir.resolve("classpath.txt")));
    }

    @Test
    void prefixInstallsUnderShareJupyter(@TempDir Path prefix) {
        assertEquals(prefix.resolve("share/jupyter"), Installer.dataDir(Installer.Scope.PREFIX, prefix));
    }

    @Test
    void sysPrefixWithoutAnEnvironmentSaysWhatToDo() {
        Assumptions.assumeTrue(System.getenv("CONDA_PREFIX") == null && System.getenv("VIRTUAL_ENV") == null,
                "a conda env or virtualenv is active here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Installer.dataDir(Installer.Scope.SYS_PREFIX, null));
        assertTrue(e.getMessage().contains("neither CONDA_PREFIX nor VIRTUAL_ENV is set"), e.getMessage());
    }

    @Test
    void userDataDirHonoursJupyterDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        Path expected = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".local/share/jupyter");
        Assumptions.assumeTrue(env != null || System.getenv("XDG_DATA_HOME") == null);
        assertEquals(expected, Installer.userDataDir());
    }
}
