package vae.train;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Properties;

/**
 * How a trained model was made, as data a checkpoint keeps beside its weights: the training settings, the data, the
 * test loss it reached, the library that trained it, the command and the day. (The model's own config is kept apart.)
 * A checkpoint writes it under keys of its own ({@code vae.model.CheckpointFormat}), not these components' names.
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
        @Override public String toString() { return Printed.record(this); }
    }

    /** Made today by this library: its version and ND4J's are filled in. */
    public static Provenance now(TrainingConfig training, Data data, Double testLoss, String madeBy) {
        Properties library = library();
        return new Provenance(training, data, testLoss, library.getProperty("version"), library.getProperty("nd4j"), madeBy,
                LocalDate.now().toString());
    }

    /** This build's version as Maven filled it in from the pom (vae/library.properties), or null when built outside Maven. */
    public static String thisLibrarysVersion() { return library().getProperty("version"); }

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

    /** Every field: {@code Provenance(training=TrainingConfig(…), data=Data(…), testLoss=…, …, date=…)}. */
    @Override public String toString() { return Printed.record(this); }
}
