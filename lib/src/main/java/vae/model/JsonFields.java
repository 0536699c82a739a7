package vae.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import vae.Language;

/**
 * One object of a checkpoint's {@code checkpoint.json}, read key by key: a key that is missing or holds another kind of
 * value says which key (with its path, {@code config.latentSize}), what came and what the format expected.
 */
final class JsonFields {
    private final JsonObject object;
    private final String path;         // "" at the top, "config." inside config
    private final String checkpoint;   // the file, as messages name it
    private final int format;

    JsonFields(JsonObject object, String checkpoint, int format) {
        this(object, "", checkpoint, format);
    }

    private JsonFields(JsonObject object, String path, String checkpoint, int format) {
        this.object = object;
        this.path = path;
        this.checkpoint = checkpoint;
        this.format = format;
    }

    /** The same object, read as format {@code other} expects it. */
    JsonFields asFormat(int other) { return new JsonFields(object, path, checkpoint, other); }

    int format() { return format; }

    String checkpoint() { return checkpoint; }

    /** The object itself, for what is kept as it came (the free-form notes). */
    JsonObject json() { return object; }

    boolean has(String key) {
        JsonElement e = object.get(key);
        return e != null && !e.isJsonNull();
    }

    JsonFields object(String key) {
        JsonElement e = required(key, Language.text("checkpoint.expect.object"));
        if (!e.isJsonObject()) throw wrong(key, e, Language.text("checkpoint.expect.object"));
        return new JsonFields(e.getAsJsonObject(), path + key + ".", checkpoint, format);
    }

    /** A whole number of int's range. */
    int integer(String key) {
        long value = whole(key);
        if (value != (int) value) throw wrong(key, object.get(key), Language.text("checkpoint.expect.integer"));
        return (int) value;
    }

    long whole(String key) {
        String expected = Language.text("checkpoint.expect.integer");
        JsonElement e = required(key, expected);
        if (numberOf(e) == null) throw wrong(key, e, expected);
        try {
            return e.getAsBigDecimal().longValueExact();   // 20 and 20.0 are whole; 20.5 is not
        } catch (ArithmeticException | NumberFormatException notWhole) {
            throw wrong(key, e, expected);
        }
    }

    double number(String key) {
        JsonElement e = required(key, Language.text("checkpoint.expect.number"));
        if (numberOf(e) == null) throw wrong(key, e, Language.text("checkpoint.expect.number"));
        return e.getAsDouble();
    }

    /** A number, or null where the key is absent (not recorded). */
    Double optionalNumber(String key) { return has(key) ? number(key) : null; }

    String text(String key) {
        JsonElement e = required(key, Language.text("checkpoint.expect.text"));
        if (!(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) throw wrong(key, e, Language.text("checkpoint.expect.text"));
        return e.getAsString();
    }

    /** A text, or null where the key is absent (not recorded). */
    String optionalText(String key) { return has(key) ? text(key) : null; }

    /** One of {@code type}'s constants, by its name. */
    <E extends Enum<E>> E oneOf(String key, Class<E> type) {
        String expected = Language.text("checkpoint.expect.oneOf", Arrays.toString(type.getEnumConstants()));
        JsonElement e = required(key, expected);
        try {
            return Enum.valueOf(type, e.getAsJsonPrimitive().getAsString());
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException notOne) {
            throw wrong(key, e, expected);
        }
    }

    /** An error for a value that came but is not what format {@link #format()} expects there. */
    IllegalArgumentException wrong(String key, JsonElement came, String expected) {
        return new IllegalArgumentException(Language.text("checkpoint.keyWrong", checkpoint, path + key, came, format, expected));
    }

    private JsonElement required(String key, String expected) {
        if (!has(key)) throw new IllegalArgumentException(Language.text("checkpoint.keyMissing", checkpoint, path + key, format, expected));
        return object.get(key);
    }

    private static JsonPrimitive numberOf(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsJsonPrimitive() : null;
    }
}
