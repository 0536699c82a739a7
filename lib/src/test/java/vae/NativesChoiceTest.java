package vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The natives follow what the CPU has and what the classpath holds, and fall back to the generic build. */
class NativesChoiceTest {
    @Test
    void theWidestBuildBothOfferIsChosen() {
        Set<String> both = Set.of("-avx512", "-avx2");
        assertEquals("-avx512", NativesChoice.best(Set.of("sse2", "avx2", "avx512f"), both));
        assertEquals("-avx2", NativesChoice.best(Set.of("sse2", "avx2"), both), "no AVX-512 on this CPU");
        assertEquals("-avx2", NativesChoice.best(Set.of("avx2", "avx512f"), Set.of("-avx2")), "no AVX-512 jar");
        assertEquals("", NativesChoice.best(Set.of("sse2"), both), "an old CPU gets the generic build");
        assertEquals("", NativesChoice.best(Set.of("avx2", "avx512f"), Set.of()), "no special jar: generic");
    }

    @Test
    void thisMachinesChoiceIsOneItCanRun() {
        String natives = Backend.natives();
        Set<String> flags = NativesChoice.cpuFlags();
        assertTrue(natives.equals("generic") || flags.contains(natives.equals("avx512") ? "avx512f" : natives), natives + " with flags " + flags);
        // and the natives it loaded compute: a small product
        assertEquals(14.0, org.nd4j.linalg.factory.Nd4j.createFromArray(1.0, 2.0, 3.0).mul(org.nd4j.linalg.factory.Nd4j.createFromArray(1.0, 2.0, 3.0)).sumNumber().doubleValue(), 0);
    }
}
