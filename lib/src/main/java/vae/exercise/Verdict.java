package vae.exercise;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * What one check decided, as data: the grader reads it, and an edition in another language words it its own way.
 * {@code expected} and {@code got} are the values the message speaks of, as text, or null where it shows none
 * (the data never says more than the learner reads: an unanswered check does not give the answer away).
 *
 * @param name     the check's name, e.g. {@code "σ"}; {@link Check#report()} keeps the latest verdict per name
 * @param answered false while the answer is still the stub's null
 * @param passed   the answer is right (never true when not answered)
 * @param expected what the check expected, e.g. {@code "1.051"}
 * @param got      what the answer gave, e.g. {@code "1.105"}
 * @param message  the sentence the learner reads, e.g. {@code "✘ σ[0] is 1.105 but should be 1.051: did you use …"}
 */
public record Verdict(String name, boolean answered, boolean passed, String expected, String got, String message) {
    /** The MIME type a check's verdict is shown under, as {@code display_data} beside its text. */
    public static final String MIME_TYPE = "application/vnd.vae.check+json";

    private static final Gson GSON = new Gson();

    public Verdict {
        // internal: a verdict is built by Check, which never passes an unanswered check
        if (passed && !answered) throw new IllegalArgumentException("check " + name + " cannot pass without an answer");
    }

    /** {@code {"name": …, "answered": …, "passed": …, "expected": …, "got": …, "message": …}}, nulls left out. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** The verdict of a {@link #MIME_TYPE} bundle, which a notebook stores as an object (or, from some frontends, as its text). */
    public static Verdict fromJson(JsonElement json) {
        Verdict v;
        try {
            v = GSON.fromJson(json.isJsonPrimitive() ? JsonParser.parseString(json.getAsString()) : json, Verdict.class);
        } catch (RuntimeException e) {   // bad JSON, a wrong type, or a verdict the constructor refuses
            // internal: the grader and kernel read verdicts the library itself wrote into a notebook
            throw new IllegalArgumentException("not a check verdict (" + MIME_TYPE + "): " + json + ": " + e.getMessage(), e);
        }
        if (v == null || v.name() == null || v.message() == null) {
            // internal: the grader and kernel read verdicts the library itself wrote into a notebook
            throw new IllegalArgumentException("not a check verdict (" + MIME_TYPE + "): " + json + " has no name or no message");
        }
        return v;
    }
}
