package vae.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The frames of a Jupyter message on the wire (protocol 5.3): routing identities, {@code <IDS|MSG>}, an HMAC-SHA256
 * signature of the four JSON parts, then header, parent header, metadata and content, then any binary buffers.
 */
final class WireFormat {
    private static final Logger LOG = Logger.getLogger(WireFormat.class.getName());
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.UTF_8);
    /** Nulls are kept: a widget's state has many (a Layout's every property), and the frontend reads them. */
    private static final Gson GSON = new com.google.gson.GsonBuilder().serializeNulls().create();

    private final String key;
    private final String session = UUID.randomUUID().toString();

    WireFormat(String key) {
        this.key = key;
    }

    String session() {
        return session;
    }

    /** The message in {@code frames}, or null (logged) if it is malformed or its signature is wrong. */
    Message parse(List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (d + 5 >= frames.size()) {
            LOG.warning("Dropping a malformed message of " + frames.size() + " frames");
            return null;
        }
        String signature = new String(frames.get(d + 1), StandardCharsets.UTF_8);
        byte[][] parts = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
        if (!key.isEmpty() && !MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                sign(parts).getBytes(StandardCharsets.UTF_8))) {
            LOG.warning("Dropping a message with a bad signature");
            return null;
        }
        return new Message(List.copyOf(frames.subList(0, d)), json(parts[0]), json(parts[1]), json(parts[2]), json(parts[3]),
                List.copyOf(frames.subList(d + 6, frames.size())));
    }

    /** The frames of a new message of {@code type} in reply to (or published under) {@code parentHeader}. */
    List<byte[]> frames(List<byte[]> identities, JsonObject parentHeader, String type, JsonObject content, JsonObject metadata) {
        return frames(identities, parentHeader, type, content, metadata, List.of());
    }

    /** As above, with binary buffers as extra frames after the content (signed parts exclude them, as the spec says). */
    List<byte[]> frames(List<byte[]> identities, JsonObject parentHeader, String type, JsonObject content, JsonObject metadata,
                        List<byte[]> buffers) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "kernel");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] parts = {bytes(header), bytes(parentHeader), bytes(metadata), bytes(content)};
        List<byte[]> frames = new ArrayList<>(identities);
        frames.add(DELIMITER);
        frames.add(sign(parts).getBytes(StandardCharsets.UTF_8));
        frames.addAll(List.of(parts));
        frames.addAll(buffers);
        return frames;
    }

    private String sign(byte[][] parts) {
        if (key.isEmpty()) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject json(byte[] b) {
        return JsonParser.parseString(new String(b, StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
