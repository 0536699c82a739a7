package vae.kernel.comm;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What one {@code comm_open}, {@code comm_msg} or {@code comm_close} carried: its {@code data}, the message's
 * metadata, and the binary buffers that travelled as extra frames after it.
 */
public record CommMessage(String commId, JsonObject data, JsonObject metadata, List<byte[]> buffers) {
    public CommMessage {
        data = data == null ? new JsonObject() : data;
        metadata = metadata == null ? new JsonObject() : metadata;
        buffers = buffers == null ? List.of() : List.copyOf(buffers);
    }

    /** {@code data.method}, the widget protocol's verb ({@code update}, {@code request_state}, ...), or "". */
    public String method() {
        return data.has("method") && data.get("method").isJsonPrimitive() ? data.get("method").getAsString() : "";
    }
}
