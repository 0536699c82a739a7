package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingSettingsTest {
    @TempDir Path dir;

    @Test
    void readsTheRepositorysSettingsAndFillsWhatIsLeftOut() throws Exception {
        GradingSettings shipped = GradingSettings.read(NotebookRuns.ROOT.resolve("notebooks/grading.json"));
        assertEquals(120, shipped.cellTimeoutSeconds());
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, "{\"cellTimeoutSeconds\": 5, \"notebookTimeoutSeconds\": 50, \"maxHeapMegabytes\": 512}");
        assertEquals(List.of(), GradingSettings.read(partial).notebooks(), "a missing list becomes empty (all notebooks)");
    }

    @Test
    void impossibleLimitsAreRejectedWithTheirValues() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"cellTimeoutSeconds\": 0, \"notebookTimeoutSeconds\": 50, \"maxHeapMegabytes\": 512}");
        RuntimeException e = assertThrows(RuntimeException.class, () -> GradingSettings.read(bad));
        Throwable cause = e;
        while (cause.getCause() != null && !cause.getMessage().contains("cellTimeoutSeconds is 0")) cause = cause.getCause();
        assertTrue(cause.getMessage().contains("cellTimeoutSeconds is 0 and notebookTimeoutSeconds 50"), e.toString());
    }
}
