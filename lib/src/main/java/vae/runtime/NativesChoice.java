package vae.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of ND4J's native builds to load: the widest instruction set that the CPU has (read from /proc/cpuinfo, not
 * assumed: some of our machines have AVX-512, some only AVX2) and that a jar on the classpath provides; "" for the
 * generic build, which always works.
 */
final class NativesChoice {
    /**
     * JavaCPP's platform extensions, preferred first, each with the CPU flag it needs ("" for any x86-64 CPU): a oneDNN
     * build before the plain one of the same width, since oneDNN brings its own convolutions (README, Performance).
     */
    static final List<String[]> WIDEST_FIRST = List.of(
            new String[] {"-onednn-avx512", "avx512f"}, new String[] {"-avx512", "avx512f"},
            new String[] {"-onednn-avx2", "avx2"}, new String[] {"-avx2", "avx2"},
            new String[] {"-onednn", ""});

    private NativesChoice() {}

    /** The extension to load ("-avx512", "-avx2"), or "" for the generic natives. */
    static String best(Set<String> cpuFlags, Set<String> onClasspath) {
        for (String[] candidate : WIDEST_FIRST) {
            if ((candidate[1].isEmpty() || cpuFlags.contains(candidate[1])) && onClasspath.contains(candidate[0])) return candidate[0];
        }
        return "";
    }

    /** The extensions whose natives a jar on the classpath holds, for {@code platform} (e.g. linux-x86_64). */
    static Set<String> onClasspath(ClassLoader loader, String platform) {
        Set<String> found = new LinkedHashSet<>();
        for (String[] candidate : WIDEST_FIRST) {
            if (loader.getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + candidate[0]) != null) found.add(candidate[0]);
        }
        return found;
    }

    /** The CPU's feature flags from /proc/cpuinfo's first "flags" line; none where there is no such file (not Linux). */
    static Set<String> cpuFlags() {
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {   // the first CPU's line is enough
            return lines.filter(line -> line.startsWith("flags")).findFirst()
                    .map(line -> (Set<String>) new LinkedHashSet<>(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();   // no /proc: the generic natives
        }
    }
}
