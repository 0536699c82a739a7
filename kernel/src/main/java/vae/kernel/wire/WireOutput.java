package vae.kernel.wire;

import com.google.gson.JsonObject;
import java.util.Map;
import vae.kernel.session.KeyboardUnavailableException;
import vae.kernel.session.Output;

/** Sends a cell's outputs on iopub, under the request that ran it. */
final class WireOutput implements Output {
    private final Wire wire;
    private final Message request;
    private final int count;
    private final boolean silent;
    private final boolean allowStdin;

    WireOutput(Wire wire, Message request, int count, boolean silent, boolean allowStdin) {
        this.wire = wire;
        this.request = request;
        this.count = count;
        this.silent = silent;
        this.allowStdin = allowStdin;
    }

    @Override
    public String input(String prompt, boolean password) {
        if (!allowStdin) {
            throw new KeyboardUnavailableException("This frontend does not accept keyboard input (its request said allow_stdin:"
                    + " false, as nbclient and nbconvert do), so System.in cannot be read here. Put the value in the code"
                    + " instead, e.g. String name = \"Ada\";");
        }
        try {
            return wire.input(request, prompt, password);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyboardUnavailableException("Interrupted while waiting for keyboard input");
        }
    }

    @Override
    public void stream(String name, String text) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", text);
        wire.publish(request, "stream", c);
    }

    @Override
    public void display(Map<String, String> bundle, String displayId, boolean update) {
        JsonObject c = new JsonObject();
        c.add("data", json(bundle));
        c.add("metadata", new JsonObject());
        JsonObject t = new JsonObject();
        t.addProperty("display_id", displayId);
        c.add("transient", t);
        wire.publish(request, update ? "update_display_data" : "display_data", c);
    }

    @Override
    public void clear(boolean wait) {
        JsonObject c = new JsonObject();
        c.addProperty("wait", wait);
        wire.publish(request, "clear_output", c);
    }

    @Override
    public void error(String ename, String evalue, java.util.List<String> traceback) {
        wire.publish(request, "error", vae.kernel.notebook.OutputJson.error(ename, evalue, traceback));
    }

    /** The request whose outputs these are (a cell's {@code execute_request}, or a frontend's {@code comm_msg}). */
    Message request() {
        return request;
    }

    @Override
    public void result(Map<String, String> bundle) {
        if (silent) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("execution_count", count);
        c.add("data", json(bundle));
        c.add("metadata", new JsonObject());
        wire.publish(request, "execute_result", c);
    }

    /** JSON MIME types travel as JSON, as the protocol wants them (a check's verdict, a widget view). */
    private static JsonObject json(Map<String, String> bundle) {
        return vae.kernel.notebook.OutputJson.data(bundle);
    }
}
