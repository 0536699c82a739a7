package vae.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM environment is written once (vae/process.env); the pom, which cannot read it, must repeat it exactly. */
class LaunchTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void processEnvironmentComesFromTheResourceFile() {
        Map<String, String> env = Launch.ENVIRONMENT;
        assertEquals("1", env.get("OMP_NUM_THREADS"));
        assertEquals(String.valueOf(32L << 20), env.get("MALLOC_MMAP_THRESHOLD_"));   // glibc's upper limit for it
        assertEquals(5, env.size(), env.toString());
    }

    @Test
    void aMalformedLineSaysWhatCameAndWhatIsExpected() {
        assertEquals(Map.of("A", "1"), Launch.parseEnvironment("# comment\n\nA=1\n"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Launch.parseEnvironment("A=1\nMALLOC_ARENA_MAX 1\n"));
        assertTrue(e.getMessage().contains("'MALLOC_ARENA_MAX 1'") && e.getMessage().contains("expected KEY=VALUE"), e.getMessage());
    }

    @Test
    void thePomGivesTheTestsTheSameEnvironment() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Launch.ENVIRONMENT.forEach((key, value) ->
                assertTrue(pom.contains("<" + key + ">" + value + "</" + key + ">"), "pom.xml should set " + key + "=" + value + " for the tests"));
    }

    @Test
    void aChildProcessKeepsWhatItsCallerSet() {
        ProcessBuilder child = new ProcessBuilder("true");
        child.environment().put("OMP_NUM_THREADS", "2");
        Launch.configure(child);
        assertEquals("2", child.environment().get("OMP_NUM_THREADS"));
        assertEquals("1", child.environment().get("MALLOC_ARENA_MAX"));
    }

    @Test
    void aLaunchCommandHasTheSharedFlagsBeforeTheMainClass() {
        java.util.List<String> command = Launch.command("java", java.util.List.of("-Xmx1g"), "a.jar", "some.Main", "arg");
        assertEquals(java.util.List.of("java", "-Djava.awt.headless=true", "-Dorg.bytedeco.javacpp.cachedir=" + Launch.NATIVE_CACHE,
                "-Xmx1g", "-cp", "a.jar", "some.Main", "arg"), command);
    }

    @Test
    void thePomUnpacksTheNativesWhereLaunchDoes() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertTrue(pom.contains("<javacpp.cachedir>${user.home}/.cache/vae-notebooks/javacpp</javacpp.cachedir>"), "pom.xml's javacpp.cachedir");
        assertEquals(Path.of(System.getProperty("user.home"), ".cache/vae-notebooks/javacpp"), Launch.NATIVE_CACHE);
    }
}
