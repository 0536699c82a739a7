package vae.kernel.notebook;

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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) as JSON, with the views the runner, {@code %load} and the lecturer's tools need:
 * cells, their sources, and their outputs as text, errors and MIME data. The one place that reads and writes notebooks.
 */
public final class Notebook {
    // nbformat needs "execution_count": null; Jupyter writes σ, not \u03c3
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
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

    /** Writes the notebook as Jupyter does; a reader of {@code file} sees the old or the new notebook, never half of one. */
    public void write(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public JsonObject json() { return json; }

    public Notebook copy() { return new Notebook(json.deepCopy()); }

    /** The {@code nbformat} and {@code nbformat_minor} version, e.g. {@code [4, 5]}; 0 where absent. */
    public int[] version() {
        return new int[] {json.has("nbformat") ? json.get("nbformat").getAsInt() : 0,
                json.has("nbformat_minor") ? json.get("nbformat_minor").getAsInt() : 0};
    }

    public List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement c : json.getAsJsonArray("cells")) cells.add(c.getAsJsonObject());
        return cells;
    }

    public List<JsonObject> codeCells() {
        return cells().stream().filter(Notebook::isCode).toList();
    }

    public JsonArray cellArray() { return json.getAsJsonArray("cells"); }

    public static boolean isCode(JsonObject cell) {
        return cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString());
    }

    /** A cell's source as one string (nbformat allows a string or a list of lines). */
    public static String source(JsonObject cell) {
        return text(cell.get("source"));
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

    /** nbformat's multiline string: a string, or a list of lines to join; "" for none. */
    public static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) return "";
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder s = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) s.append(line.getAsString());
        return s.toString();
    }

    /** A code cell's outputs, empty if none. */
    public static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> outputs = new ArrayList<>();
        if (cell.has("outputs")) for (JsonElement o : cell.getAsJsonArray("outputs")) outputs.add(o.getAsJsonObject());
        return outputs;
    }

    /** All text a code cell printed or returned (streams, text/plain and text/html data, errors), joined. */
    public static String outputText(JsonObject cell) {
        StringBuilder text = new StringBuilder();
        for (JsonObject out : outputs(cell)) {
            switch (out.get("output_type").getAsString()) {
                case "stream" -> text.append(text(out.get("text")));
                case "execute_result", "display_data" -> {
                    JsonObject data = out.getAsJsonObject("data");
                    if (data != null && data.has("text/plain")) text.append(text(data.get("text/plain"))).append('\n');
                    if (data != null && data.has("text/html")) text.append(text(data.get("text/html"))).append('\n');
                }
                case "error" -> text.append(out.get("ename").getAsString()).append(": ").append(out.get("evalue").getAsString()).append('\n');
                default -> { }
            }
        }
        return text.toString();
    }

    /** An error output's name and value, e.g. {@code java.lang.AssertionError} and its message. */
    public record Error(String ename, String evalue) {
        @Override public String toString() { return ename + ": " + evalue; }
    }

    /** The error outputs of a code cell, empty if none. */
    public static List<Error> errors(JsonObject cell) {
        List<Error> errors = new ArrayList<>();
        for (JsonObject out : outputs(cell)) {
            if ("error".equals(out.get("output_type").getAsString())) errors.add(new Error(out.get("ename").getAsString(), out.get("evalue").getAsString()));
        }
        return errors;
    }

    /** The data of {@code mimeType} in a code cell's displays and results, in order (as stored: an object for a JSON type). */
    public static List<JsonElement> data(JsonObject cell, String mimeType) {
        List<JsonElement> found = new ArrayList<>();
        for (JsonObject out : outputs(cell)) {
            JsonObject data = out.has("data") ? out.getAsJsonObject("data") : null;
            if (data != null && data.has(mimeType)) found.add(data.get(mimeType));
        }
        return found;
    }
}
