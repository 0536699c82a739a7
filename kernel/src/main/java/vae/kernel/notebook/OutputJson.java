package vae.kernel.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;

/**
 * The JSON of an output, the same in a saved notebook (nbformat) and on the wire (the messaging protocol): a MIME
 * bundle's {@code data}, and an error's {@code ename}, {@code evalue}, {@code traceback}.
 */
public final class OutputJson {
    private OutputJson() {}

    /** A bundle as Jupyter carries it: text as text, a JSON type ({@code application/json}, {@code …+json}) as JSON. */
    public static JsonObject data(Map<String, String> bundle) {
        JsonObject d = new JsonObject();
        bundle.forEach((mime, value) -> d.add(mime, isJson(mime) ? json(value) : new JsonPrimitive(value)));
        return d;
    }

    /** {@code {ename, evalue, traceback}}, the fields of an error output and of an error reply. */
    public static JsonObject error(String ename, String evalue, List<String> traceback) {
        JsonObject o = new JsonObject();
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        JsonArray tb = new JsonArray();
        traceback.forEach(tb::add);
        o.add("traceback", tb);
        return o;
    }

    private static boolean isJson(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static JsonElement json(String value) {
        try {
            return JsonParser.parseString(value);
        } catch (JsonParseException e) {
            return new JsonPrimitive(value); // not JSON after all: kept as the text it is
        }
    }
}
