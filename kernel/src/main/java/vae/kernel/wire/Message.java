package vae.kernel.wire;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Jupyter message (protocol 5.3): the routing identities, then header, parent header, metadata and content.
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata, JsonObject content) {

    public String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }

    public String string(String key, String fallback) {
        return content.has(key) && !content.get(key).isJsonNull() ? content.get(key).getAsString() : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        return content.has(key) && !content.get(key).isJsonNull() ? content.get(key).getAsBoolean() : fallback;
    }

    public int integer(String key, int fallback) {
        return content.has(key) && !content.get(key).isJsonNull() ? content.get(key).getAsInt() : fallback;
    }
}
