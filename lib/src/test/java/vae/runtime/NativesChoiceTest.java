package vae.runtime;

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
    void aOneDnnBuildComesBeforeThePlainOneOfItsWidth() {
        Set<String> all = Set.of("-onednn-avx512", "-avx512", "-onednn-avx2", "-avx2", "-onednn");
        assertEquals("-onednn-avx512", NativesChoice.best(Set.of("avx2", "avx512f"), all));
        assertEquals("-onednn-avx2", NativesChoice.best(Set.of("avx2"), all), "no AVX-512 on this CPU");
        assertEquals("-onednn", NativesChoice.best(Set.of("sse2"), all), "oneDNN's generic build needs no flag");
        assertEquals("-onednn", NativesChoice.best(Set.of("avx2"), Set.of("-onednn-avx512", "-onednn")), "no AVX-512: not its AVX-512 build");
        assertEquals("", NativesChoice.best(Set.of("avx2"), Set.of("-onednn-avx512")), "nothing this CPU can run: the generic build");
    }

    @Test
    void thisMachinesChoiceIsOneItCanRun() {
        String natives = Backend.natives();
        Set<String> flags = NativesChoice.cpuFlags();
        String needs = NativesChoice.WIDEST_FIRST.stream().filter(c -> c[0].equals("-" + natives)).map(c -> c[1]).findFirst().orElse(null);
        assertTrue(natives.equals("generic") || needs != null && (needs.isEmpty() || flags.contains(needs)), natives + " with flags " + flags);
        // and the natives it loaded compute: a small product
        assertEquals(14.0, org.nd4j.linalg.factory.Nd4j.createFromArray(1.0, 2.0, 3.0).mul(org.nd4j.linalg.factory.Nd4j.createFromArray(1.0, 2.0, 3.0)).sumNumber().doubleValue(), 0);
    }
}
