package vae.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a trained model was made, as data a checkpoint keeps beside its weights: the training settings, the data, the
 * test loss it reached, the library that trained it, the command and the day. (The model's own config is kept apart.)
 *
 * @param training       every setting of the training run
 * @param data           which images it trained and was tested on
 * @param testLoss       the loss on the test images after the last epoch; null if none was measured
 * @param libraryVersion the vae-lib that trained it, e.g. 0.1.0-SNAPSHOT; null if not recorded
 * @param nd4jVersion    the ND4J it ran on, e.g. 1.0.0-M2.1; null if not recorded
 * @param madeBy         the command that made it, to make it again
 * @param date           the day it was made, ISO 8601 (2026-12-01); null if not recorded
 */
public record Provenance(TrainingConfig training, Data data, Double testLoss, String libraryVersion, String nd4jVersion,
                         String madeBy, String date) {
    /**
     * @param name        what the images are and where they come from
     * @param trainImages how many images it trained on
     * @param testImages  how many images {@code testLoss} was measured on (0 if none)
     */
    public record Data(String name, long trainImages, long testImages) {
        @Override public String toString() {
            return "Data(name=" + name + ", trainImages=" + trainImages + ", testImages=" + testImages + ")";
        }
    }

    /** Made today by this library: its version and ND4J's are filled in. */
    public static Provenance now(TrainingConfig training, Data data, Double testLoss, String madeBy) {
        Properties library = library();
        return new Provenance(training, data, testLoss, library.getProperty("version"), library.getProperty("nd4j"), madeBy,
                LocalDate.now().toString());
    }

    /**
     * The provenance the first checkpoints wrote as free-form notes ({@code training}: a {@link TrainingConfig#toString()},
     * {@code data}: a sentence with "(9,000 digits)" and "(1,000)", {@code testLoss}, {@code madeBy}), read as far as it
     * goes: what is missing or unreadable stays null. Their library version and date were not recorded.
     */
    public static Provenance fromNotes(JsonObject notes) {
        if (notes == null) return new Provenance(null, null, null, null, null, null, null);
        String data = string(notes, "data");
        Matcher counts = Pattern.compile("\\(([\\d,]+) digits\\).*\\(([\\d,]+)\\)").matcher(data == null ? "" : data);
        Data d = data == null ? null : counts.find() ? new Data(data, count(counts.group(1)), count(counts.group(2))) : new Data(data, 0, 0);
        JsonElement loss = notes.get("testLoss");
        Double testLoss = loss != null && loss.isJsonPrimitive() && loss.getAsJsonPrimitive().isNumber() ? loss.getAsDouble() : null;
        return new Provenance(trainingFrom(string(notes, "training")), d, testLoss, null, null, string(notes, "madeBy"), null);
    }

    /** "TrainingConfig(epochs=20, batchSize=128, learningRate=0.001, seed=42)" back into the config; null if it is not one. */
    static TrainingConfig trainingFrom(String printed) {
        if (printed == null || !printed.startsWith("TrainingConfig(")) return null;
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=([^,)]+)").matcher(printed);
        while (m.find()) fields.put(m.group(1), m.group(2).trim());
        TrainingConfig d = TrainingConfig.defaults();
        try {   // settings the old string did not print (Adam's β₁, β₂, ε) were the defaults then
            return new TrainingConfig(Integer.parseInt(fields.get("epochs")), Integer.parseInt(fields.get("batchSize")),
                    Double.parseDouble(fields.get("learningRate")),
                    Double.parseDouble(fields.getOrDefault("adamBetaOne", "" + d.adamBetaOne())),
                    Double.parseDouble(fields.getOrDefault("adamBetaTwo", "" + d.adamBetaTwo())),
                    Double.parseDouble(fields.getOrDefault("adamEpsilon", "" + d.adamEpsilon())), Long.parseLong(fields.get("seed")));
        } catch (RuntimeException unreadable) {   // a field missing (null) or not a number
            return null;
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static long count(String digits) { return Long.parseLong(digits.replace(",", "")); }

    /** vae/library.properties, filled in by Maven from the pom: this library's version and ND4J's. */
    static Properties library() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/vae/library.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // internal: the library jar always carries vae/library.properties
            throw new IllegalStateException("vae/library.properties of the vae-lib jar cannot be read: " + e.getMessage(), e);
        }
        p.entrySet().removeIf(e -> e.getValue().toString().startsWith("${"));   // not filtered: built outside Maven
        return p;
    }

    @Override public String toString() {
        return "Provenance(training=" + training + ", data=" + data + ", testLoss=" + testLoss + ", libraryVersion=" + libraryVersion
                + ", nd4jVersion=" + nd4jVersion + ", madeBy=" + madeBy + ", date=" + date + ")";
    }
}
