package vae.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Objects;
import vae.train.Provenance;

/** The {@code kernel_info_reply}: who we are, which language, how a frontend should highlight and save it. */
final class KernelInfo {
    /** The project's version, as Maven filled it into the library's vae/library.properties (one source: pom.xml). */
    static final String VERSION = Objects.requireNonNullElse(Provenance.thisLibrarysVersion(), "unknown");

    private KernelInfo() {}

    static JsonObject reply() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java-source");
        language.addProperty("file_extension", ".jshell");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        JsonObject r = Replies.ok();
        r.addProperty("protocol_version", "5.3");
        r.addProperty("implementation", "vae-java");
        r.addProperty("implementation_version", VERSION);
        r.add("language_info", language);
        r.addProperty("banner", "Java " + Runtime.version() + " (JShell) with the VAE notebooks library. Magics: %jars %classpath %maven %load %time %%time");
        r.add("help_links", new JsonArray());
        return r;
    }
}
