package vae.model;

import static vae.model.CheckpointFormat.CONFIG;
import static vae.model.CheckpointFormat.NOTES;
import static vae.model.CheckpointFormat.PROVENANCE;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vae.model.CheckpointFormat.AdamSettings;
import vae.model.CheckpointFormat.Contents;
import vae.train.Adam;
import vae.train.Provenance;
import vae.train.TrainingConfig;

/**
 * Reads checkpoint.json of format 1, which this library wrote until December 2026 and a learner's saved models may
 * still be: its config and provenance objects have the keys format 2 wrote down ({@link CheckpointFormat}); Adam's
 * settings stood loose at the top ({@code adamLearningRate}, {@code adamIteration}, and from the provenance on also
 * {@code adamBetaOne}, {@code adamBetaTwo}, {@code adamEpsilon}; absent ones were the defaults then); the first
 * checkpoints had no provenance but free-form notes, which are read into one as far as they go ({@link #fromNotes}).
 */
final class CheckpointFormatOne {
    private static final String ADAM_LEARNING_RATE = "adamLearningRate", ADAM_BETA_ONE = "adamBetaOne",
            ADAM_BETA_TWO = "adamBetaTwo", ADAM_EPSILON = "adamEpsilon", ADAM_ITERATION = "adamIteration";
    private static final String NOTES_TRAINING = "training", NOTES_DATA = "data", NOTES_TEST_LOSS = "testLoss", NOTES_MADE_BY = "madeBy";

    private CheckpointFormatOne() {}

    static Contents read(JsonFields top, boolean withAdamState) {
        VaeConfig config = CheckpointFormat.config(top.object(CONFIG));
        JsonObject notes = top.has(NOTES) ? top.object(NOTES).json() : new JsonObject();
        Provenance provenance = top.has(PROVENANCE) ? CheckpointFormat.provenance(top.object(PROVENANCE)) : fromNotes(notes);
        AdamSettings adam = !withAdamState ? null : new AdamSettings(top.number(ADAM_LEARNING_RATE),
                top.has(ADAM_BETA_ONE) ? top.number(ADAM_BETA_ONE) : Adam.DEFAULT_BETA_ONE,
                top.has(ADAM_BETA_TWO) ? top.number(ADAM_BETA_TWO) : Adam.DEFAULT_BETA_TWO,
                top.has(ADAM_EPSILON) ? top.number(ADAM_EPSILON) : Adam.DEFAULT_EPSILON, top.integer(ADAM_ITERATION));
        return new Contents(config, adam, provenance, notes);
    }

    /**
     * The provenance the first checkpoints wrote as free-form notes ({@code training}: TrainingConfig's printed form of
     * then, {@code data}: a sentence with "(9,000 digits)" and "(1,000)", {@code testLoss}, {@code madeBy}), read as far
     * as it goes: what is missing or unreadable stays null. Their library version and date were not recorded.
     */
    static Provenance fromNotes(JsonObject notes) {
        String data = string(notes, NOTES_DATA);
        Matcher counts = Pattern.compile("\\(([\\d,]+) digits\\).*\\(([\\d,]+)\\)").matcher(data == null ? "" : data);
        Provenance.Data d = data == null ? null
                : counts.find() ? new Provenance.Data(data, count(counts.group(1)), count(counts.group(2))) : new Provenance.Data(data, 0, 0);
        JsonElement loss = notes.get(NOTES_TEST_LOSS);
        Double testLoss = loss != null && loss.isJsonPrimitive() && loss.getAsJsonPrimitive().isNumber() ? loss.getAsDouble() : null;
        return new Provenance(trainingFrom(string(notes, NOTES_TRAINING)), d, testLoss, null, null, string(notes, NOTES_MADE_BY), null);
    }

    /** "TrainingConfig(epochs=20, batchSize=128, learningRate=0.001, seed=42)", as it printed then; null if not one. */
    static TrainingConfig trainingFrom(String printed) {
        if (printed == null || !printed.startsWith("TrainingConfig(")) return null;
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=([^,)]+)").matcher(printed);
        while (m.find()) fields.put(m.group(1), m.group(2).trim());
        try {   // settings it did not print (Adam's β₁, β₂, ε) were the defaults then
            return new TrainingConfig(Integer.parseInt(fields.get("epochs")), Integer.parseInt(fields.get("batchSize")),
                    Double.parseDouble(fields.get("learningRate")),
                    Double.parseDouble(fields.getOrDefault("adamBetaOne", "" + Adam.DEFAULT_BETA_ONE)),
                    Double.parseDouble(fields.getOrDefault("adamBetaTwo", "" + Adam.DEFAULT_BETA_TWO)),
                    Double.parseDouble(fields.getOrDefault("adamEpsilon", "" + Adam.DEFAULT_EPSILON)), Long.parseLong(fields.get("seed")));
        } catch (RuntimeException unreadable) {   // a field missing (null) or not a number
            return null;
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static long count(String digits) { return Long.parseLong(digits.replace(",", "")); }
}
