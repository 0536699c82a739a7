package vae.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KernelInfoTest {
    /** The kernel_info_reply's implementation_version is the project's version in the root pom.xml, not a copy of it. */
    @Test
    void implementationVersionIsThePomsVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher version = Pattern.compile("(?m)^  <version>([^<]+)</version>").matcher(pom);
        assertEquals(true, version.find(), "the root pom.xml has a project <version>");
        assertEquals(version.group(1), KernelInfo.reply().get("implementation_version").getAsString());
    }
}
