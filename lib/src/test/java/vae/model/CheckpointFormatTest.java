package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;
import vae.data.Mnist;
import vae.train.Adam;
import vae.train.Provenance;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/** The checkpoint format is written down (CheckpointFormat): its keys, its version, and the files of format 1 still load. */
class CheckpointFormatTest {
    private static final VaeConfig TINY = VaeConfig.lesson().withHiddenSize(2).withLatentSize(2).withBeta(0.5).withSeed(3);
    private static final TrainingConfig TRAINING = TrainingConfig.defaults().withEpochs(1).withBatchSize(16).withSeed(5);
    private static final Provenance PROVENANCE = new Provenance(TRAINING, new Provenance.Data("48 digits", 48, 16), 543.25,
            "0.1.0", "1.0.0-M2.1", "CheckpointFormatTest", "2026-12-03");

    @TempDir Path dir;

    @Test
    void aCheckpointComesBackAsItWasSaved() throws Exception {
        Vae vae = new Vae(TINY);
        Trainer trainer = new Trainer(vae, TRAINING);
        trainer.fit(Mnist.train().images(0, 48), null);
        JsonObject notes = new JsonObject();
        notes.addProperty("why", "a round trip");
        Path file = dir.resolve("vae.zip");
        Checkpoint.save(file, vae, trainer.adam(), PROVENANCE, notes);

        Checkpoint back = Checkpoint.load(file);
        assertEquals(TINY, back.vae().config());
        assertEquals(vae.parameterVector(), back.vae().parameterVector());
        assertEquals(trainer.adam().toString(), back.adam().toString());
        assertEquals(trainer.adam().state(), back.adam().state());
        assertEquals(PROVENANCE, back.provenance());
        assertEquals(notes, back.notes());
    }

    @Test
    void theKeysWrittenAreTheFormatsOwnNotTheRecordsComponentNames() throws Exception {
        // Pinned here, not derived: renaming a component of VaeConfig, TrainingConfig or Provenance must leave these as they
        // are; changing one of them is a new CheckpointFormat.VERSION, with its reader for the old files.
        Vae vae = new Vae(TINY);
        Adam other = new Adam(2e-3, 0.8, 0.99, 1e-7, vae.parameters());   // not the provenance's: its settings are written
        Path file = dir.resolve("vae.zip");
        Checkpoint.save(file, vae, other, PROVENANCE, null);
        assertEquals(new TreeSet<>(java.util.List.of("format", "config", "config.architecture", "config.hiddenSize",
                "config.latentSize", "config.reconstructionLoss", "config.beta", "config.seed", "config.dataType",
                "adam", "adam.iteration", "adam.learningRate", "adam.betaOne", "adam.betaTwo", "adam.epsilon",
                "provenance", "provenance.training", "provenance.training.epochs", "provenance.training.batchSize",
                "provenance.training.learningRate", "provenance.training.adamBetaOne", "provenance.training.adamBetaTwo",
                "provenance.training.adamEpsilon", "provenance.training.seed", "provenance.data", "provenance.data.name",
                "provenance.data.trainImages", "provenance.data.testImages", "provenance.testLoss", "provenance.libraryVersion",
                "provenance.nd4jVersion", "provenance.madeBy", "provenance.date", "notes")), keys("", json(file)));
        assertEquals(2, json(file).get("format").getAsInt());
        assertEquals("MLP", json(file).getAsJsonObject("config").get("architecture").getAsString());
    }

    @Test
    void adamsSettingsAreStoredOnceWhereTheProvenanceHoldsThem() throws Exception {
        Vae vae = new Vae(TINY);
        Adam adam = TRAINING.newAdam(vae.parameters());   // the run's own Adam: its settings are the provenance's
        Path file = dir.resolve("vae.zip");
        Checkpoint.save(file, vae, adam, PROVENANCE, null);
        assertEquals(new TreeSet<>(java.util.List.of("iteration")), keys("", json(file).getAsJsonObject("adam")));
        assertEquals(adam.toString(), Checkpoint.load(file).adam().toString());

        Checkpoint.save(file, vae, adam, null, null);   // no provenance: the settings stand with the state
        assertEquals(new TreeSet<>(java.util.List.of("iteration", "learningRate", "betaOne", "betaTwo", "epsilon")),
                keys("", json(file).getAsJsonObject("adam")));
        assertEquals(adam.toString(), Checkpoint.load(file).adam().toString());
        assertFalse(json(file).has("provenance"));
    }

    @Test
    void aFormatOneCheckpointWithAdamLoadsAsTheFormatOneLibraryLoadedIt() throws Exception {
        // Written by the format-1 library (Adam's settings loose at the top, the provenance from Gson's reflection);
        // the expected values are what that library's Checkpoint.load gave for this file.
        byte[] zip = resource("format1-adam.zip");
        Checkpoint old = Checkpoint.load(new ByteArrayInputStream(zip), "format1-adam.zip");
        assertEquals("VaeConfig(architecture=MLP, hiddenSize=2, latentSize=2, reconstructionLoss=BCE, beta=0.5, seed=11, dataType=FLOAT)",
                old.vae().config().toString());
        assertEquals("Provenance(training=TrainingConfig(epochs=1, batchSize=16, learningRate=0.002, adamBetaOne=0.8, adamBetaTwo=0.99, "
                + "adamEpsilon=1.0E-7, seed=5), data=Data(name=the first 48 training digits, trainImages=48, testImages=0), testLoss=null, "
                + "libraryVersion=0.1.0-SNAPSHOT, nd4jVersion=1.0.0-M2.1, madeBy=MakeFormat1 (issue 23), date=2026-12-03)", old.provenance().toString());
        assertEquals("Adam(learningRate=0.002, betaOne=0.8, betaTwo=0.99, epsilon=1.0E-7, iteration=3)", old.adam().toString());
        assertEquals("{\"epochs\":1}", old.notes().toString());
        Map<String, byte[]> entries = MigrateCheckpoints.entries(zip);
        assertEquals(array(entries.get("parameters.bin")), old.vae().parameterVector(), "the weights as they are in the file");
        assertEquals(array(entries.get("adam.bin")), old.adam().state());

        // The very first ones wrote only Adam's learning rate and iteration: β₁, β₂, ε were the defaults.
        Checkpoint first = load(zip, json -> { json.remove("adamBetaOne"); json.remove("adamBetaTwo"); json.remove("adamEpsilon"); });
        assertEquals("Adam(learningRate=0.002, betaOne=0.9, betaTwo=0.999, epsilon=1.0E-8, iteration=3)", first.adam().toString());
    }

    @Test
    void aFormatOneCheckpointWithNotesLoadsAsTheFormatOneLibraryLoadedIt() throws Exception {
        byte[] zip = resource("format1-notes.zip");
        Checkpoint old = Checkpoint.load(new ByteArrayInputStream(zip), "format1-notes.zip");
        assertEquals("Provenance(training=TrainingConfig(epochs=20, batchSize=128, learningRate=0.001, adamBetaOne=0.9, adamBetaTwo=0.999, "
                + "adamEpsilon=1.0E-8, seed=42), data=Data(name=data/train-images-idx3-ubyte.gz (9,000 digits); test loss on "
                + "data/test-images-idx3-ubyte.gz (1,000), trainImages=9000, testImages=1000), testLoss=162.97644702148438, "
                + "libraryVersion=null, nd4jVersion=null, madeBy=mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained, date=null)",
                old.provenance().toString());
        assertNull(old.adam());
        assertEquals(array(MigrateCheckpoints.entries(zip).get("parameters.bin")), old.vae().parameterVector());
    }

    @Test
    void migratingAFormatOneFileKeepsItsWeightsByteForByteAndWhatItSays() throws Exception {
        for (String name : java.util.List.of("format1-adam.zip", "format1-notes.zip")) {
            Path file = dir.resolve(name);
            Files.write(file, resource(name));
            Checkpoint before = Checkpoint.load(file);
            MigrateCheckpoints.migrate(file, "2026-12-03");
            Checkpoint after = Checkpoint.load(file);
            assertEquals(2, json(file).get("format").getAsInt());
            Map<String, byte[]> old = MigrateCheckpoints.entries(resource(name)), migrated = MigrateCheckpoints.entries(Files.readAllBytes(file));
            assertArrayEquals(old.get("parameters.bin"), migrated.get("parameters.bin"), name);
            assertArrayEquals(old.get("adam.bin"), migrated.get("adam.bin"), name);
            assertEquals(before.vae().config(), after.vae().config());
            assertEquals(before.provenance(), after.provenance());
            assertEquals(String.valueOf(before.adam()), String.valueOf(after.adam()));
            assertTrue(after.notes().get("migrated").getAsString().startsWith("from format 1 to 2 on 2026-12-03"), after.notes().toString());
            assertFalse(after.notes().has("training"), "the old notes are the provenance now");
        }
    }

    @Test
    void aFormatToComeSaysWhichItIsAndWhichThisLibraryReads() throws Exception {
        byte[] zip = saved();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.addProperty("format", 3)));
        assertEquals("Checkpoint vae.zip has format 3, but this library reads formats 1 to 2: a newer vae-lib wrote it. "
                + "Load it with that version, or update this one", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.addProperty("format", 0)));
        assertTrue(e.getMessage().contains("has format 0, but a format is a whole number from 1 to 2"), e.getMessage());
        Language.use("vi");
        try {
            e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.addProperty("format", 3)));
            assertTrue(e.getMessage().startsWith("Checkpoint vae.zip có định dạng 3, nhưng thư viện này đọc các định dạng từ 1 đến 2"), e.getMessage());
        } finally {
            Language.reset();
        }
    }

    @Test
    void aMissingOrMistypedKeySaysWhichWhatCameAndWhatWasExpected() throws Exception {
        byte[] zip = saved();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(zip, json -> json.getAsJsonObject("config").remove("latentSize")));
        assertEquals("Checkpoint vae.zip: its checkpoint.json has no config.latentSize, where format 2 expects a whole number. "
                + "It was not written by Checkpoint.save, or was damaged", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.getAsJsonObject("config").addProperty("latentSize", "ten")));
        assertTrue(e.getMessage().contains("has config.latentSize = \"ten\", where format 2 expects a whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.getAsJsonObject("config").addProperty("architecture", "RNN")));
        assertTrue(e.getMessage().contains("config.architecture = \"RNN\", where format 2 expects one of [MLP, CONV]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.remove("format")));
        assertTrue(e.getMessage().contains("has no format, where format 2 expects a whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.getAsJsonObject("config").addProperty("latentSize", 0)));
        assertTrue(e.getMessage().contains("cannot be read (latentSize is 0 but must be ≥ 1)"), e.getMessage());
        // Format 1's keys are its own: a format-1 file without Adam's learning rate names format 1's key.
        e = assertThrows(IllegalArgumentException.class, () -> load(resource("format1-adam.zip"), json -> json.remove("adamLearningRate")));
        assertTrue(e.getMessage().contains("has no adamLearningRate, where format 1 expects a number"), e.getMessage());
        Language.use("vi");
        try {
            e = assertThrows(IllegalArgumentException.class, () -> load(zip, json -> json.getAsJsonObject("config").remove("latentSize")));
            assertTrue(e.getMessage().contains("không có config.latentSize, trong khi định dạng 2 cần một số nguyên"), e.getMessage());
        } finally {
            Language.reset();
        }
    }

    /** A checkpoint of the tiny model with its Adam, as a zip's bytes. */
    private byte[] saved() throws Exception {
        Vae vae = new Vae(TINY);
        Path file = dir.resolve("saved.zip");
        Checkpoint.save(file, vae, TRAINING.newAdam(vae.parameters()), PROVENANCE, null);
        return Files.readAllBytes(file);
    }

    /** Loads {@code zip} with its checkpoint.json changed by {@code change}; messages call it vae.zip. */
    private static Checkpoint load(byte[] zip, Consumer<JsonObject> change) throws Exception {
        Map<String, byte[]> entries = MigrateCheckpoints.entries(zip);
        JsonObject json = new Gson().fromJson(new String(entries.get("checkpoint.json"), StandardCharsets.UTF_8), JsonObject.class);
        change.accept(json);
        entries.put("checkpoint.json", json.toString().getBytes(StandardCharsets.UTF_8));
        return Checkpoint.load(new ByteArrayInputStream(MigrateCheckpoints.zip(entries)), "vae.zip");
    }

    private static JsonObject json(Path file) throws Exception {
        byte[] json = MigrateCheckpoints.entries(Files.readAllBytes(file)).get("checkpoint.json");
        return new Gson().fromJson(new String(json, StandardCharsets.UTF_8), JsonObject.class);
    }

    /** Every key of {@code json} and of the objects in it, as paths (config.latentSize); the free-form notes' own not. */
    private static TreeSet<String> keys(String prefix, JsonObject json) {
        TreeSet<String> keys = new TreeSet<>();
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            keys.add(prefix + e.getKey());
            if (e.getValue().isJsonObject() && !e.getKey().equals("notes")) keys.addAll(keys(prefix + e.getKey() + ".", e.getValue().getAsJsonObject()));
        }
        return keys;
    }

    private static INDArray array(byte[] entry) throws Exception {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            return Nd4j.read(in).castTo(DataType.FLOAT);
        }
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = CheckpointFormatTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
