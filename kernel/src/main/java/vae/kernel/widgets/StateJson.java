package vae.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * A widget's trait values as the widget protocol serialises them: numbers, strings, booleans and lists as JSON, a
 * widget as {@code "IPY_MODEL_<id>"}, bytes as a binary buffer beside the JSON; and the frontend's JSON back as the
 * Java type the trait holds.
 */
final class StateJson {
    static final String REFERENCE = "IPY_MODEL_";

    private StateJson() {}

    static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement e) {
            return e.deepCopy();
        }
        if (value instanceof Widget w) {
            return new JsonPrimitive(REFERENCE + w.id());
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(v -> a.add(toJson(v)));
            return a;
        }
        return new JsonPrimitive(value.toString());
    }

    /**
     * The frontend's {@code json} as a value of the type {@code current} has (an Integer stays an Integer); a trait
     * whose value is null takes strings, numbers and booleans as they come.
     */
    static Object fromJson(JsonElement json, Object current) {
        if (json == null || json.isJsonNull()) {
            return null;
        }
        if (current instanceof JsonElement) {
            return json.deepCopy();
        }
        if (current instanceof List<?>) {
            List<Object> out = new ArrayList<>();
            json.getAsJsonArray().forEach(e -> out.add(e.isJsonNull() ? null : e.getAsString()));
            return List.copyOf(out);
        }
        if (!json.isJsonPrimitive()) {
            return json.deepCopy();
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        if (current instanceof Integer) {
            return p.getAsNumber().intValue();
        }
        if (current instanceof Double) {
            return p.getAsDouble();
        }
        if (current instanceof Boolean) {
            return p.getAsBoolean();
        }
        if (current instanceof String) {
            return p.getAsString();
        }
        return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
    }

    /** Whether {@code value} is a widget or holds widgets the frontend must know before this one. */
    static List<Widget> references(Object value) {
        List<Widget> out = new ArrayList<>();
        if (value instanceof Widget w) {
            out.add(w);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> out.addAll(references(v)));
        }
        return out;
    }
}
