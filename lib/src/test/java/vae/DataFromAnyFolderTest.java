package vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.data.DataFiles;

/**
 * End to end: a JVM started in a fresh folder outside the repository, VAE_DATA unset, loads the digits and both trained
 * models, as a notebook in any folder does. They can only come from the classpath (the vae-data jar).
 */
class DataFromAnyFolderTest {
    @TempDir Path elsewhere;

    @Test
    void digitsAndTrainedModelsLoadWhenTheWorkingFolderIsOutsideTheRepository() throws Exception {
        for (Path dir = elsewhere; dir != null; dir = dir.getParent()) {
            assertFalse(Files.exists(dir.resolve("data").resolve("train-images-idx3-ubyte.gz")), dir + "/data holds the digits: not outside the repository");
        }
        Path log = elsewhere.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child = new ProcessBuilder(List.of(java, "-Djava.awt.headless=true",
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", vae.runtime.Launch.NATIVE_CACHE.toString()),
                "-cp", System.getProperty("java.class.path"), PrintDataSizes.class.getName()))
                .directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        child.environment().remove(DataFiles.SETTING);
        vae.runtime.Launch.configure(child);
        Process process = child.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) process.destroyForcibly().waitFor();
        String output = Files.readString(log);
        assertTrue(finished, "the child JVM did not finish in 3 minutes:\n" + output);
        assertEquals(0, process.exitValue(), "the child JVM failed:\n" + output);
        assertTrue(output.contains("working folder " + elsewhere.toRealPath() + "\n") || output.contains("working folder " + elsewhere + "\n"), output);
        for (String line : List.of("train 9000", "test 1000", "lesson latent 10", "latent2d latent 2")) {
            assertTrue(output.contains(line + "\n"), "expected '" + line + "' in the child's output:\n" + output);
        }
    }
}
