package vae.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelMemoryTest {

    @Test
    void sizesReadAsTheJvmWritesThem() {
        assertEquals(512L << 20, KernelMemory.parse("512m", "--heap"));
        assertEquals(2L << 30, KernelMemory.parse("2G", "--heap"));
        assertEquals(1536L << 10, KernelMemory.parse("1536k", "--heap"));
        assertEquals(100_000_000L, KernelMemory.parse("100000000", "--heap"));
    }

    @Test
    void aSizeThatIsNotOneSaysWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelMemory.defaults().withHeap("lots"));
        assertEquals("--heap takes a size such as 512m or 2g, not 'lots'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KernelMemory.defaults().withNative("1m"));
        assertTrue(e.getMessage().contains("too small for ND4J"), e.getMessage());
    }

    @Test
    void flagsSetTheHeapAndJavaCppsLimitsWithTheProcessLimitAboveBoth() {
        KernelMemory m = KernelMemory.defaults().withHeap("2g").withNative("768m");
        assertTrue(m.jvmFlags().contains("-Xmx2048m"), m.jvmFlags().toString());
        assertTrue(m.jvmFlags().contains("-Dorg.bytedeco.javacpp.maxbytes=" + (768L << 20)), m.jvmFlags().toString());
        assertTrue(m.jvmFlags().contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + ((2L << 30) + (768L << 20) + KernelMemory.PROCESS_OVERHEAD)),
                m.jvmFlags().toString());
    }
}
