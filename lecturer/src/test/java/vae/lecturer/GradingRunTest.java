package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GradingRunTest {
    @Test
    void theClasspathBecomesAbsoluteSinceTheSubmissionRunsInAFolderOfItsOwn() {
        String here = Path.of("").toAbsolutePath().toString();
        assertEquals(here + "/lecturer/target/vae-lecturer.jar" + File.pathSeparator + "/opt/lib/a.jar",
                GradingRun.absolute("lecturer/target/vae-lecturer.jar" + File.pathSeparator + "/opt/lib/a.jar"));
    }
}
