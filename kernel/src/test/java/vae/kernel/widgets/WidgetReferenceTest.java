package vae.kernel.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Our widgets' states against what the reference implementations send for the same widgets: Debian's
 * python3-ipywidgets 6.0 (V6) and ipywidgets 8.1 (V8), recorded by src/test/python/widget_session.py into
 * src/test/resources/vae/kernel/widgets/. Field by field; a reference to another widget compares by its model name.
 */
class WidgetReferenceTest {
    static JsonObject recording(String name) {
        try (var in = WidgetReferenceTest.class.getResourceAsStream(name)) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first state the reference opened for {@code model} with {@code description} (or any, when null). */
    static Map<String, JsonElement> reference(JsonObject recording, String model, String description) {
        JsonObject comms = recording.getAsJsonObject("comms");
        for (String id : comms.keySet().stream().sorted((a, b) -> Integer.compare(n(a), n(b))).toList()) {
            JsonObject s = comms.getAsJsonObject(id);
            if (s.get("_model_name").getAsString().equals(model)
                    && (description == null || description.equals(s.has("description") ? s.get("description").getAsString() : null))) {
                Map<String, JsonElement> out = new TreeMap<>();
                s.keySet().forEach(k -> out.put(k, resolve(s.get(k), comms)));
                return out;
            }
        }
        throw new AssertionError("the recording has no " + model);
    }

    private static int n(String comm) {
        return Integer.parseInt(comm.substring(comm.indexOf('-') + 1));
    }

    private static JsonElement resolve(JsonElement v, JsonObject comms) {
        if (v.isJsonPrimitive() && v.getAsString().startsWith("IPY_MODEL_")) {
            String id = v.getAsString().substring("IPY_MODEL_".length());
            return new JsonPrimitive("ref:" + comms.getAsJsonObject(id).get("_model_name").getAsString());
        }
        if (v.isJsonArray()) {
            JsonArray a = new JsonArray();
            v.getAsJsonArray().forEach(e -> a.add(resolve(e, comms)));
            return a;
        }
        return v;
    }

    /** Our widget's state with the same conventions. */
    static Map<String, JsonElement> ours(Widget w) {
        Map<String, JsonElement> out = new TreeMap<>();
        for (String k : w.keys()) {
            Object v = w.get(k);
            out.put(k, v instanceof Widget ref ? new JsonPrimitive("ref:" + ref.get("_model_name"))
                    : v instanceof byte[] ? new JsonPrimitive("bytes") : w.toJson(k, v));
        }
        return out;
    }

    static void sameState(JsonObject recording, String model, String description, Supplier<Widget> make, String... skip) {
        Map<String, JsonElement> expected = reference(recording, model, description);
        Map<String, JsonElement> actual = ours(make.get());
        for (String k : skip) {
            expected.remove(k);
            actual.remove(k);
        }
        assertEquals(expected.keySet(), actual.keySet(), model + ": the same fields");
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), model + "." + k));
    }

    @Test
    void v6StatesAreFieldByFieldWhatIpywidgets6Sends() {
        JsonObject ref = recording("ipywidgets6-slider.json");
        try (FakeFrontend f = FakeFrontend.v6()) {
            assertEquals(WidgetProtocol.V6, WidgetFrontend.current().protocol());
            sameState(ref, "IntSliderModel", "z", () -> new IntSlider(3, 0, 10).description("z"));
            sameState(ref, "LayoutModel", null, Layout::new);
            sameState(ref, "SliderStyleModel", null, () -> Style.slider(WidgetProtocol.V6));
            sameState(ref, "ButtonModel", "Sample", () -> new Button("Sample"));
            sameState(ref, "ButtonStyleModel", null, () -> Style.button(WidgetProtocol.V6));
            sameState(ref, "OutputModel", null, Output::new);
            // ipywidgets fills the box's children with an update after opening it; ours come with the opening
            sameState(ref, "VBoxModel", null, () -> new Interactive(() -> 1, java.util.List.of(new IntSlider())), "children");
        }
    }

    @Test
    void v8StatesAreFieldByFieldWhatIpywidgets8Sends() {
        JsonObject ref = recording("ipywidgets8-slider.json");
        try (FakeFrontend f = FakeFrontend.v8()) {
            assertEquals(WidgetProtocol.V8, WidgetFrontend.current().protocol());
            sameState(ref, "IntSliderModel", "z", () -> new IntSlider(3, 0, 10).description("z"));
            sameState(ref, "LayoutModel", null, Layout::new);
            sameState(ref, "SliderStyleModel", null, () -> Style.slider(WidgetProtocol.V8));
            sameState(ref, "ButtonModel", "Sample", () -> new Button("Sample"));
            sameState(ref, "ButtonStyleModel", null, () -> Style.button(WidgetProtocol.V8));
            sameState(ref, "OutputModel", null, Output::new);
            sameState(ref, "VBoxModel", null, () -> new Interactive(() -> 1, java.util.List.of(new IntSlider())), "children");
        }
    }

    @Test
    void v6ShowsAWidgetAsIpywidgets6DoesByADisplayMessageAndTheViewAlone() {
        JsonObject ref = recording("ipywidgets6-slider.json");
        JsonObject display = step(ref, "slider", "display_data").getAsJsonObject("content").getAsJsonObject("data");
        try (FakeFrontend f = FakeFrontend.v6()) {
            IntSlider s = new IntSlider(3, 0, 10).description("z");
            s.displayItself();
            assertEquals(FakeFrontend.json("{\"method\": \"display\"}"), f.messages(s).get(0));
            Map<String, String> shown = f.cell.displays.get(0);
            assertEquals(display.keySet(), shown.keySet());
            assertEquals(FakeFrontend.json("{\"model_id\": \"" + s.id() + "\"}"),
                    JsonParser.parseString(shown.get(WidgetProtocol.VIEW_MIME_TYPE)));
            // the opening order: the layout, the style, then the slider that refers to them
            assertEquals(java.util.List.of("LayoutModel", "SliderStyleModel", "IntSliderModel"), f.of("comm_open").stream()
                    .map(o -> o.data().get("_model_name").getAsString()).toList());
            assertEquals(0, f.of("comm_open").get(2).metadata().size(), "V6 names no protocol version");
        }
    }

    @Test
    void aKernelSideChangeIsTheUpdateMessageOfTheReference() {
        JsonObject v6 = step(recording("ipywidgets6-slider.json"), "kernel_sets", "comm_msg").getAsJsonObject("content");
        JsonObject v8 = step(recording("ipywidgets8-slider.json"), "kernel_sets", "comm_msg").getAsJsonObject("content");
        try (FakeFrontend f = FakeFrontend.v6()) {
            IntSlider s = new IntSlider(3, 0, 10).description("z");
            s.displayItself();
            s.value(5);
            assertEquals(v6.get("data"), f.messages(s).get(1));
        }
        try (FakeFrontend f = FakeFrontend.v8()) {
            IntSlider s = new IntSlider(3, 0, 10).description("z");
            s.displayItself();
            s.value(5);
            assertEquals(v8.get("data"), f.messages(s).get(0));
            assertEquals("2.1.0", f.of("comm_open").get(0).metadata().get("version").getAsString());
        }
    }

    /** The first message of {@code type} in the recording's step {@code name}. */
    static JsonObject step(JsonObject recording, String name, String type) {
        for (JsonElement st : recording.getAsJsonArray("steps")) {
            if (st.getAsJsonObject().get("step").getAsString().equals(name)) {
                for (JsonElement m : st.getAsJsonObject().getAsJsonArray("messages")) {
                    if (m.getAsJsonObject().has("msg_type") && m.getAsJsonObject().get("msg_type").getAsString().equals(type)) {
                        return m.getAsJsonObject();
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " in step " + name);
    }
}
