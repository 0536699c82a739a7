package vae.lecturer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Jupyter notebook (nbformat 4) as JSON, with the few views the lecturer tools need: cells, sources, nbgrader metadata. */
public final class Notebook {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();   // nbformat needs "execution_count": null
    private final JsonObject json;

    public Notebook(JsonObject json) {
        if (json == null || !json.has("cells") || !json.get("cells").isJsonArray()) {
            throw new IllegalArgumentException("not a notebook: the JSON has no \"cells\" array");
        }
        this.json = json;
    }

    /** Reads a notebook; invalid JSON or a non-notebook gets an error naming the file. */
    public static Notebook read(Path file) {
        try {
            return new Notebook(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class));
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not valid notebook JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void write(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public JsonObject json() { return json; }

    public Notebook copy() { return new Notebook(json.deepCopy()); }

    public List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement c : json.getAsJsonArray("cells")) cells.add(c.getAsJsonObject());
        return cells;
    }

    public JsonArray cellArray() { return json.getAsJsonArray("cells"); }

    /** A cell's source as one string (nbformat allows a string or a list of lines). */
    public static String source(JsonObject cell) {
        return vae.kernel.runner.NotebookRunner.source(cell);
    }

    /** Sets a cell's source, as a list of lines as Jupyter writes it. */
    public static void setSource(JsonObject cell, String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(new JsonPrimitive(text.substring(start, i + 1)));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(new JsonPrimitive(text.substring(start)));
        cell.add("source", lines);
    }

    public static boolean isCode(JsonObject cell) {
        return cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString());
    }

    /** The cell's {@code nbgrader} metadata, or null. */
    public static JsonObject nbgrader(JsonObject cell) {
        JsonObject meta = cell.has("metadata") ? cell.getAsJsonObject("metadata") : null;
        return meta != null && meta.has("nbgrader") ? meta.getAsJsonObject("nbgrader") : null;
    }

    public static boolean isSolution(JsonObject cell) {
        JsonObject g = nbgrader(cell);
        return g != null && g.has("solution") && g.get("solution").getAsBoolean();
    }

    public static boolean isCheck(JsonObject cell) {
        JsonObject g = nbgrader(cell);
        return g != null && g.has("grade") && g.get("grade").getAsBoolean();
    }

    public static String gradeId(JsonObject cell) {
        JsonObject g = nbgrader(cell);
        return g != null && g.has("grade_id") ? g.get("grade_id").getAsString() : null;
    }

    public static double points(JsonObject cell) {
        JsonObject g = nbgrader(cell);
        return g != null && g.has("points") ? g.get("points").getAsDouble() : 0;
    }

    /** All text a code cell printed or returned (streams, text/plain results), joined. */
    public static String outputText(JsonObject cell) {
        StringBuilder text = new StringBuilder();
        if (!cell.has("outputs")) return "";
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            String type = out.get("output_type").getAsString();
            switch (type) {
                case "stream" -> text.append(joined(out.get("text")));
                case "execute_result", "display_data" -> {
                    JsonObject data = out.getAsJsonObject("data");
                    if (data != null && data.has("text/plain")) text.append(joined(data.get("text/plain"))).append('\n');
                    if (data != null && data.has("text/html")) text.append(joined(data.get("text/html"))).append('\n');
                }
                case "error" -> text.append(out.get("ename").getAsString()).append(": ").append(out.get("evalue").getAsString()).append('\n');
                default -> { }
            }
        }
        return text.toString();
    }

    /** The error outputs of a code cell (ename: evalue), empty if none. */
    public static List<String> errors(JsonObject cell) {
        List<String> errors = new ArrayList<>();
        if (!cell.has("outputs")) return errors;
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if ("error".equals(out.get("output_type").getAsString())) {
                errors.add(out.get("ename").getAsString() + ": " + out.get("evalue").getAsString());
            }
        }
        return errors;
    }

    static String joined(JsonElement e) {
        if (e == null) return "";
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder s = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) s.append(line.getAsString());
        return s.toString();
    }
}
