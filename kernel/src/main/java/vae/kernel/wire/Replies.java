package vae.kernel.wire;

import com.google.gson.JsonObject;

/** The small content objects every reply and status message is built from. */
final class Replies {
    private Replies() {}

    static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }

    static JsonObject status(String state) {
        JsonObject o = new JsonObject();
        o.addProperty("execution_state", state);
        return o;
    }
}
