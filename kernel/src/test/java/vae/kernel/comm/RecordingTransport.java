package vae.kernel.comm;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The frontend's end of the comms, played by a test: what the kernel publishes is kept in {@link #sent}, in order,
 * and the request being handled is always {@code request-1}.
 */
public final class RecordingTransport implements CommTransport {
    /** One published message. */
    public record Sent(String type, JsonObject content, JsonObject metadata, List<byte[]> buffers) {
        /** The message's {@code data}. */
        public JsonObject data() {
            return content.getAsJsonObject("data");
        }
    }

    public final List<Sent> sent = new ArrayList<>();

    @Override
    public void publish(String msgType, JsonObject content, JsonObject metadata, List<byte[]> buffers) {
        sent.add(new Sent(msgType, content, metadata, buffers));
    }

    @Override
    public String parentId() {
        return "request-1";
    }

    /** The messages of {@code type} ({@code comm_open}, {@code comm_msg}, {@code comm_close}), in order. */
    public List<Sent> of(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).toList();
    }
}
