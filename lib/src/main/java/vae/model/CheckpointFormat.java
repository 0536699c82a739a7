package vae.model;

import com.google.gson.JsonObject;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import vae.Language;
import vae.train.Adam;
import vae.train.Provenance;
import vae.train.TrainingConfig;

/**
 * The file a {@link Checkpoint} is, written down. Its keys are the constants below, never a class's field names, so
 * renaming a component of {@link VaeConfig}, {@link TrainingConfig} or {@link Provenance} changes no file; changing a key
 * is a new {@link #VERSION}, and the reader of every older one stays ({@link CheckpointFormatOne}).
 *
 * <pre>
 * my-vae.zip
 *   checkpoint.json   UTF-8 JSON, below
 *   parameters.bin    the weights as one vector (Nd4j.write), the encoder's then the decoder's, in declaration order
 *   adam.bin          Adam's state m then v (Nd4j.write); only with "adam"
 *
 * checkpoint.json, format 2                           ? = may be absent
 *   format                  int     2
 *   config                  object  the model, a VaeConfig
 *     architecture          text    MLP or CONV
 *     hiddenSize            int     the MLP's hidden width (kept, unused, for CONV)
 *     latentSize            int     d, the size of μ, logvar, ε and z
 *     reconstructionLoss    text    BCE or MSE
 *     beta                  number  the weight of KL in the loss
 *     seed                  int     seeded the first weights
 *     dataType              text    ND4J's number type: FLOAT, DOUBLE…
 *   adam ?                  object  the optimizer, to train on; present exactly when adam.bin is
 *     iteration             int     Adam steps taken (the t of its bias correction)
 *     learningRate ?        number  Adam's step size; with betaOne, betaTwo, epsilon (numbers: β₁, β₂, ε) all four here,
 *                                   or all four absent where provenance.training holds the same: stored once
 *   provenance ?            object  how it was made, a Provenance; each key absent where not recorded
 *     training ?            object  a TrainingConfig, every key present: epochs, batchSize (int), learningRate,
 *                                   adamBetaOne, adamBetaTwo, adamEpsilon (number), seed (int)
 *     data ?                object  name (text), trainImages, testImages (int)
 *     testLoss ?            number  the loss on the test images after the last epoch
 *     libraryVersion ?      text    the vae-lib that trained it
 *     nd4jVersion ?         text    the ND4J it ran on
 *     madeBy ?              text    the command that made it
 *     date ?                text    the day, ISO 8601
 *   notes                   object  free-form, as given to save ({} if none)
 * </pre>
 */
public final class CheckpointFormat {
    /** The format this library writes; it reads every one from 1 to this. 2: keys written down, Adam's settings once. */
    public static final int VERSION = 2;

    static final String JSON_ENTRY = "checkpoint.json", PARAMETERS_ENTRY = "parameters.bin", ADAM_ENTRY = "adam.bin";
    static final String FORMAT = "format", CONFIG = "config", ADAM = "adam", PROVENANCE = "provenance", NOTES = "notes";
    static final String ARCHITECTURE = "architecture", HIDDEN_SIZE = "hiddenSize", LATENT_SIZE = "latentSize",
            RECONSTRUCTION_LOSS = "reconstructionLoss", BETA = "beta", CONFIG_SEED = "seed", DATA_TYPE = "dataType";
    static final String ITERATION = "iteration", ADAM_LEARNING_RATE = "learningRate", BETA_ONE = "betaOne",
            BETA_TWO = "betaTwo", EPSILON = "epsilon";
    static final String TRAINING = "training", DATA = "data", TEST_LOSS = "testLoss", LIBRARY_VERSION = "libraryVersion",
            ND4J_VERSION = "nd4jVersion", MADE_BY = "madeBy", DATE = "date";
    static final String EPOCHS = "epochs", BATCH_SIZE = "batchSize", LEARNING_RATE = "learningRate",
            ADAM_BETA_ONE = "adamBetaOne", ADAM_BETA_TWO = "adamBetaTwo", ADAM_EPSILON = "adamEpsilon", TRAINING_SEED = "seed";
    static final String DATA_NAME = "name", TRAIN_IMAGES = "trainImages", TEST_IMAGES = "testImages";

    private CheckpointFormat() {}

    /** What a checkpoint.json says, of any format. */
    record Contents(VaeConfig config, AdamSettings adam, Provenance provenance, JsonObject notes) {}

    /** Adam's settings and steps taken: with adam.bin's state, an Adam to train on. */
    record AdamSettings(double learningRate, double betaOne, double betaTwo, double epsilon, int iteration) {}

    /** checkpoint.json of format {@link #VERSION}; {@code adam}, {@code provenance} and {@code notes} may be null. */
    static JsonObject write(VaeConfig config, Adam adam, Provenance provenance, JsonObject notes) {
        JsonObject json = new JsonObject();
        json.addProperty(FORMAT, VERSION);
        JsonObject c = new JsonObject();
        c.addProperty(ARCHITECTURE, config.architecture().name());
        c.addProperty(HIDDEN_SIZE, config.hiddenSize());
        c.addProperty(LATENT_SIZE, config.latentSize());
        c.addProperty(RECONSTRUCTION_LOSS, config.reconstructionLoss().name());
        c.addProperty(BETA, config.beta());
        c.addProperty(CONFIG_SEED, config.seed());
        c.addProperty(DATA_TYPE, config.dataType().name());
        json.add(CONFIG, c);
        TrainingConfig training = provenance == null ? null : provenance.training();
        if (adam != null) {
            JsonObject a = new JsonObject();
            a.addProperty(ITERATION, adam.iteration());
            if (!sameSettings(adam, training)) {
                a.addProperty(ADAM_LEARNING_RATE, adam.learningRate());
                a.addProperty(BETA_ONE, adam.betaOne());
                a.addProperty(BETA_TWO, adam.betaTwo());
                a.addProperty(EPSILON, adam.epsilon());
            }
            json.add(ADAM, a);
        }
        if (provenance != null) json.add(PROVENANCE, provenance(provenance));
        json.add(NOTES, notes == null ? new JsonObject() : notes);
        return json;
    }

    /**
     * Reads {@code json}, of any format from 1 to {@link #VERSION}; {@code withAdamState}: adam.bin is there, so Adam's
     * settings are read too. A key missing or of another kind, a format to come: an error that says which, and what came.
     */
    static Contents read(JsonObject json, String checkpoint, boolean withAdamState) {
        JsonFields top = new JsonFields(json, checkpoint, VERSION);
        long format = top.whole(FORMAT);
        if (format > VERSION) throw new IllegalArgumentException(Language.text("checkpoint.futureFormat", checkpoint, format, VERSION));
        if (format < 1) throw new IllegalArgumentException(Language.text("checkpoint.format", checkpoint, format, VERSION));
        if (format == 1) return CheckpointFormatOne.read(top.asFormat(1), withAdamState);
        VaeConfig config = config(top.object(CONFIG));
        Provenance provenance = top.has(PROVENANCE) ? provenance(top.object(PROVENANCE)) : null;
        AdamSettings adam = withAdamState ? adam(top.object(ADAM), provenance == null ? null : provenance.training()) : null;
        return new Contents(config, adam, provenance, top.has(NOTES) ? top.object(NOTES).json() : new JsonObject());
    }

    /** The config object: the same keys in formats 1 and 2 (format 2 wrote down the names format 1 had from the record). */
    static VaeConfig config(JsonFields c) {
        VaeConfig.Architecture architecture = c.oneOf(ARCHITECTURE, VaeConfig.Architecture.class);
        int hidden = c.integer(HIDDEN_SIZE), latent = c.integer(LATENT_SIZE);
        VaeConfig.ReconstructionLoss loss = c.oneOf(RECONSTRUCTION_LOSS, VaeConfig.ReconstructionLoss.class);
        double beta = c.number(BETA);
        long seed = c.whole(CONFIG_SEED);
        DataType type = c.oneOf(DATA_TYPE, DataType.class);
        return valid(c.checkpoint(), "checkpoint.badJson", () -> new VaeConfig(architecture, hidden, latent, loss, beta, seed, type));
    }

    /** The provenance object: the same keys in formats 1 and 2. */
    static Provenance provenance(JsonFields p) {
        TrainingConfig training = null;
        if (p.has(TRAINING)) {
            JsonFields t = p.object(TRAINING);
            int epochs = t.integer(EPOCHS), batchSize = t.integer(BATCH_SIZE);
            double rate = t.number(LEARNING_RATE), b1 = t.number(ADAM_BETA_ONE), b2 = t.number(ADAM_BETA_TWO), eps = t.number(ADAM_EPSILON);
            long seed = t.whole(TRAINING_SEED);
            training = valid(t.checkpoint(), "checkpoint.badProvenance", () -> new TrainingConfig(epochs, batchSize, rate, b1, b2, eps, seed));
        }
        Provenance.Data data = null;
        if (p.has(DATA)) {
            JsonFields d = p.object(DATA);
            data = new Provenance.Data(d.text(DATA_NAME), d.whole(TRAIN_IMAGES), d.whole(TEST_IMAGES));
        }
        return new Provenance(training, data, p.optionalNumber(TEST_LOSS), p.optionalText(LIBRARY_VERSION),
                p.optionalText(ND4J_VERSION), p.optionalText(MADE_BY), p.optionalText(DATE));
    }

    private static JsonObject provenance(Provenance p) {
        JsonObject json = new JsonObject();
        TrainingConfig t = p.training();
        if (t != null) {
            JsonObject training = new JsonObject();
            training.addProperty(EPOCHS, t.epochs());
            training.addProperty(BATCH_SIZE, t.batchSize());
            training.addProperty(LEARNING_RATE, t.learningRate());
            training.addProperty(ADAM_BETA_ONE, t.adamBetaOne());
            training.addProperty(ADAM_BETA_TWO, t.adamBetaTwo());
            training.addProperty(ADAM_EPSILON, t.adamEpsilon());
            training.addProperty(TRAINING_SEED, t.seed());
            json.add(TRAINING, training);
        }
        if (p.data() != null) {
            JsonObject data = new JsonObject();
            data.addProperty(DATA_NAME, p.data().name());
            data.addProperty(TRAIN_IMAGES, p.data().trainImages());
            data.addProperty(TEST_IMAGES, p.data().testImages());
            json.add(DATA, data);
        }
        if (p.testLoss() != null) json.addProperty(TEST_LOSS, p.testLoss());   // what was not recorded is left out
        if (p.libraryVersion() != null) json.addProperty(LIBRARY_VERSION, p.libraryVersion());
        if (p.nd4jVersion() != null) json.addProperty(ND4J_VERSION, p.nd4jVersion());
        if (p.madeBy() != null) json.addProperty(MADE_BY, p.madeBy());
        if (p.date() != null) json.addProperty(DATE, p.date());
        return json;
    }

    private static AdamSettings adam(JsonFields a, TrainingConfig training) {
        int iteration = a.integer(ITERATION);
        if (training != null && !a.has(ADAM_LEARNING_RATE)) {   // stored once, in the provenance
            return new AdamSettings(training.learningRate(), training.adamBetaOne(), training.adamBetaTwo(), training.adamEpsilon(), iteration);
        }
        return new AdamSettings(a.number(ADAM_LEARNING_RATE), a.number(BETA_ONE), a.number(BETA_TWO), a.number(EPSILON), iteration);
    }

    private static boolean sameSettings(Adam adam, TrainingConfig t) {
        return t != null && Double.compare(adam.learningRate(), t.learningRate()) == 0 && Double.compare(adam.betaOne(), t.adamBetaOne()) == 0
                && Double.compare(adam.betaTwo(), t.adamBetaTwo()) == 0 && Double.compare(adam.epsilon(), t.adamEpsilon()) == 0;
    }

    /** A value the keys gave, unless its own checks refuse it (latentSize 0, epochs 0): then {@code message} says so. */
    static <T> T valid(String checkpoint, String message, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException(Language.text(message, checkpoint, refused.getMessage()), refused);
        }
    }
}
