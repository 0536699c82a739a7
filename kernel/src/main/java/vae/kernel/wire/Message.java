package vae.kernel.wire;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Jupyter message (protocol 5.3): the routing identities, then header, parent header, metadata and content, and
 * the binary buffers that came as extra frames after it (a comm's).
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata, JsonObject content,
                      List<byte[]> buffers) {

    public Message(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata, JsonObject content) {
        this(identities, header, parent, metadata, content, List.of());
    }

    /** The message's own id ({@code header.msg_id}). */
    public String id() {
        return header.has("msg_id") ? header.get("msg_id").getAsString() : "";
    }

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
