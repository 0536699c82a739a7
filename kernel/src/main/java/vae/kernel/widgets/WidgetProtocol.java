package vae.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The dialects of the Jupyter widget messaging protocol: which model modules and versions a frontend's widget manager
 * knows, and how state travels. Which one a kernel speaks is chosen from what the frontend announces
 * ({@link WidgetFrontend}). Sources: ipywidgets' {@code packages/schema/messages.md} and the messages Debian's
 * python3-ipywidgets 6.0 and ipywidgets 8.1 send (the recordings under {@code src/test/resources/vae/kernel/widgets}).
 */
public enum WidgetProtocol {
    /**
     * Protocol 1 of ipywidgets 6.0, which Debian's jupyter-js-widgets 6.0 speaks in the classic Notebook: every model
     * in {@code jupyter-js-widgets ~2.1.4}, the state itself as the {@code comm_open} data, {@code backbone}
     * messages from the frontend, a {@code display} comm message to show a widget. No FloatLogSlider (shown as a
     * FloatSlider of the exponent).
     */
    V6("1.0.0", 1),
    /** Protocol 2.0.0 of ipywidgets 7 ({@code @jupyter-widgets/controls} 1.5.0, base 1.2.0, output 1.0.0). */
    V7("2.0.0", 2),
    /**
     * Protocol 2.1.0 of ipywidgets 8 ({@code @jupyter-widgets/controls} 2.0.0, base 2.0.0, output 1.0.0): JupyterLab 4,
     * Notebook 7, VS Code, the html-manager; it echoes the frontend's updates ({@code echo_update}).
     */
    V8("2.1.0", 2);

    /** The semver range of jupyter-js-widgets that a V6 kernel asks for on the {@code jupyter.widget.version} comm. */
    public static final String V6_FRONTEND_VERSION = "~2.1.4";
    /** The MIME type of a widget's view in a display bundle. */
    public static final String VIEW_MIME_TYPE = "application/vnd.jupyter.widget-view+json";

    /** Where a model's JavaScript lives. */
    enum Module { BASE, CONTROLS, OUTPUT }

    private final String version;
    private final int viewMajor;

    WidgetProtocol(String version, int viewMajor) {
        this.version = version;
        this.viewMajor = viewMajor;
    }

    /** The protocol version a {@code comm_open}'s metadata names ("2.1.0"); V6 names none. */
    public String version() {
        return version;
    }

    String module(Module m) {
        return switch (this) {
            case V6 -> "jupyter-js-widgets";
            case V7, V8 -> switch (m) {
                case BASE -> "@jupyter-widgets/base";
                case CONTROLS -> "@jupyter-widgets/controls";
                case OUTPUT -> "@jupyter-widgets/output";
            };
        };
    }

    String moduleVersion(Module m) {
        return switch (this) {
            case V6 -> V6_FRONTEND_VERSION;
            case V7 -> switch (m) {
                case BASE -> "1.2.0";
                case CONTROLS -> "1.5.0";
                case OUTPUT -> "1.0.0";
            };
            case V8 -> m == Module.OUTPUT ? "1.0.0" : "2.0.0";
        };
    }

    /** The {@code comm_open} data of a widget: V6 sends the state itself, V7 and V8 {@code {state, buffer_paths}}. */
    JsonObject openData(JsonObject state, List<String> bufferKeys) {
        if (this == V6) {
            return state;
        }
        JsonObject data = new JsonObject();
        data.add("state", state);
        data.add("buffer_paths", paths(bufferKeys));
        return data;
    }

    JsonObject openMetadata() {
        JsonObject m = new JsonObject();
        if (this != V6) {
            m.addProperty("version", version);
        }
        return m;
    }

    /** An {@code update} (or, with {@code echo}, an {@code echo_update}) of some keys of the state. */
    JsonObject update(JsonObject state, List<String> bufferKeys, boolean echo) {
        JsonObject data = new JsonObject();
        data.addProperty("method", echo ? "echo_update" : "update");
        data.add("state", state);
        if (this == V6) {
            JsonArray keys = new JsonArray();
            bufferKeys.forEach(keys::add);
            data.add("buffers", keys);
        } else {
            data.add("buffer_paths", paths(bufferKeys));
        }
        return data;
    }

    /** Whether the kernel echoes a frontend's update back to all frontends (protocol 2.1, ipywidgets 8's default). */
    boolean echoes() {
        return this == V8;
    }

    /** The value of {@link #VIEW_MIME_TYPE} that shows the widget {@code modelId}. */
    JsonObject view(String modelId) {
        JsonObject v = new JsonObject();
        v.addProperty("model_id", modelId);
        if (viewMajor > 1) {
            v.addProperty("version_major", viewMajor);
            v.addProperty("version_minor", 0);
        }
        return v;
    }

    /** V6's classic Notebook shows a widget when the kernel sends {@code {"method": "display"}} on its comm. */
    boolean displaysByComm() {
        return this == V6;
    }

    private static JsonArray paths(List<String> keys) {
        JsonArray paths = new JsonArray();
        for (String k : keys) {
            JsonArray p = new JsonArray();
            p.add(k);
            paths.add(p);
        }
        return paths;
    }
}
