package vae.kernel.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vae.kernel.notebook.OutputJson;
import vae.kernel.session.Output;

/**
 * Collects a cell's outputs as nbformat JSON, for the headless runner and the grader; an update of a display
 * replaces its data in place. Thread-safe: a cell's thread and a watchdog may both add to it.
 */
public final class NotebookOutput implements Output {
    private final JsonArray outputs;
    private final int count;
    private final Map<String, JsonObject> displays = new HashMap<>();

    /** Collects into {@code outputs}, the outputs array of a cell run as {@code In [count]}. */
    public NotebookOutput(JsonArray outputs, int count) {
        this.outputs = outputs;
        this.count = count;
    }

    @Override
    public synchronized void stream(String name, String text) {
        if (!outputs.isEmpty()) {
            JsonObject last = outputs.get(outputs.size() - 1).getAsJsonObject();
            if ("stream".equals(last.get("output_type").getAsString()) && name.equals(last.get("name").getAsString())) {
                last.addProperty("text", last.get("text").getAsString() + text);
                return;
            }
        }
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "stream");
        o.addProperty("name", name);
        o.addProperty("text", text);
        outputs.add(o);
    }

    @Override
    public synchronized void display(Map<String, String> bundle, String displayId, boolean update) {
        JsonObject existing = displays.get(displayId);
        if (update && existing != null) {
            existing.add("data", data(bundle));
            return;
        }
        if (update) {
            return; // updating a display of an earlier cell: Jupyter would change that cell; nothing to show here
        }
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "display_data");
        o.add("data", data(bundle));
        o.add("metadata", new JsonObject());
        outputs.add(o);
        displays.put(displayId, o);
    }

    @Override
    public synchronized void result(Map<String, String> bundle) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "execute_result");
        o.addProperty("execution_count", count);
        o.add("data", data(bundle));
        o.add("metadata", new JsonObject());
        outputs.add(o);
    }

    private static JsonObject data(Map<String, String> bundle) {
        return OutputJson.data(bundle);
    }

    /** An error output, as a failing cell ends. */
    public synchronized void error(String ename, String evalue, List<String> traceback) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "error");
        OutputJson.error(ename, evalue, traceback).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        outputs.add(o);
    }
}
