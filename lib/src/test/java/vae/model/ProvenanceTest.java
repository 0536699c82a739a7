package vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.Pretrained;
import vae.data.DataFiles;
import vae.train.Adam;
import vae.train.Provenance;
import vae.train.TrainingConfig;

/** A checkpoint says how it was made as structured data; checkpoints written before that still load, read from their notes. */
class ProvenanceTest {
    @TempDir Path dir;

    @Test
    void aCheckpointKeepsItsTrainingConfigDataTestLossVersionsCommandAndDate() throws Exception {
        TrainingConfig training = TrainingConfig.defaults().withEpochs(3).withAdamBetaTwo(0.99);
        Provenance made = Provenance.now(training, new Provenance.Data("MNIST digits", 256, 100), 123.5, "java Example");
        Path file = dir.resolve("vae.zip");
        Vae vae = Vae.untrained();
        Checkpoint.save(file, vae, null, made, null);

        Provenance loaded = Checkpoint.load(file).provenance();
        assertEquals(made, loaded);
        assertEquals(training, loaded.training());
        assertEquals(new Provenance.Data("MNIST digits", 256, 100), loaded.data());
        assertEquals(123.5, loaded.testLoss());
        assertEquals("java Example", loaded.madeBy());
        assertEquals(LocalDate.now().toString(), loaded.date());
        assertTrue(loaded.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"), "the pom's version, filled in by Maven: " + loaded.libraryVersion());
        assertTrue(loaded.nd4jVersion().matches("\\d+\\.\\d+\\.\\d+.*"), "the pom's ND4J version: " + loaded.nd4jVersion());

        // In checkpoint.json as fields, not as one printed string.
        JsonObject json = checkpointJson(file).getAsJsonObject("provenance");
        assertEquals(0.99, json.getAsJsonObject("training").get("adamBetaTwo").getAsDouble());
        assertEquals(256, json.getAsJsonObject("data").get("trainImages").getAsInt());
    }

    @Test
    void anAdamSavedWithOtherBetasComesBackWithThem() {
        Vae vae = Vae.untrained();
        Adam adam = new Adam(2e-3, 0.8, 0.99, 1e-7, vae.parameters());
        Path file = dir.resolve("vae.zip");
        Checkpoint.save(file, vae, adam, null, null);
        assertEquals(adam.toString(), Checkpoint.load(file).adam().toString());
    }

    @Test
    void aFormatOneCheckpointWithOnlyNotesLoadsWithItsProvenanceReadFromThem() throws Exception {
        // Written by the format-1 library as the first shipped models were: free-form notes, no provenance.
        Checkpoint old;
        try (var in = ProvenanceTest.class.getResourceAsStream("format1-notes.zip")) {
            old = Checkpoint.load(in, "format1-notes.zip");
        }
        // Its free-form notes are kept as they were...
        assertEquals("TrainingConfig(epochs=20, batchSize=128, learningRate=0.001, seed=42)", old.notes().get("training").getAsString());
        // ...and read into a provenance as far as they go.
        Provenance p = old.provenance();
        assertEquals(TrainingConfig.defaults().withEpochs(20), p.training(), "the old string had no Adam settings: they were the defaults");
        assertEquals(9000, p.data().trainImages());
        assertEquals(1000, p.data().testImages());
        assertTrue(p.data().name().startsWith("data/train-images-idx3-ubyte.gz"), p.data().name());
        assertEquals(162.976, p.testLoss(), 1e-3);
        assertEquals("mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained", p.madeBy());
        assertNull(p.libraryVersion(), "not recorded then");
        assertNull(p.date(), "not recorded then");
    }

    @Test
    void theShippedCheckpointsKeepTheirProvenanceInFormatTwo() {
        Checkpoint lesson = DataFiles.current().read(Pretrained.LESSON, Checkpoint::load);
        assertEquals(VaeConfig.lesson(), lesson.vae().config());
        Provenance p = lesson.provenance();   // migrated once from the notes the first library wrote
        assertEquals(TrainingConfig.defaults().withEpochs(20), p.training());
        assertEquals(new Provenance.Data("data/train-images-idx3-ubyte.gz (9,000 digits); test loss on data/test-images-idx3-ubyte.gz (1,000)", 9000, 1000), p.data());
        assertEquals(118.135, p.testLoss(), 1e-3);
        assertEquals("mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained", p.madeBy());
        assertNull(p.libraryVersion(), "not recorded then");

        Checkpoint latent2d = DataFiles.current().read(Pretrained.LATENT_2D, Checkpoint::load);
        assertEquals(2, latent2d.vae().latentSize());
        assertEquals(20, latent2d.provenance().training().epochs());
        assertEquals(162.976, latent2d.provenance().testLoss(), 1e-3);
    }

    @Test
    void notesThatAreNotTheOldFormGiveAProvenanceOfWhatIsThere() {
        JsonObject notes = new JsonObject();
        notes.addProperty("epochs", 1);
        notes.addProperty("training", "20 epochs of Adam");   // not a printed TrainingConfig
        notes.addProperty("data", "my own digits");
        Provenance p = CheckpointFormatOne.fromNotes(notes);
        assertNull(p.training());
        assertEquals(new Provenance.Data("my own digits", 0, 0), p.data());
        assertNull(p.testLoss());
        assertEquals(new Provenance(null, null, null, null, null, null, null), CheckpointFormatOne.fromNotes(new JsonObject()));
    }

    @Test
    void provenancePrintsEveryField() {
        Provenance p = new Provenance(TrainingConfig.defaults(), new Provenance.Data("MNIST", 9000, 1000), 118.1, "0.1.0", "1.0.0-M2.1", "cmd", "2026-12-01");
        assertEquals("Provenance(training=" + TrainingConfig.defaults() + ", data=Data(name=MNIST, trainImages=9000, testImages=1000), "
                + "testLoss=118.1, libraryVersion=0.1.0, nd4jVersion=1.0.0-M2.1, madeBy=cmd, date=2026-12-01)", p.toString());
    }

    private static JsonObject checkpointJson(Path zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("checkpoint.json")) {
                    return new Gson().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonObject.class);
                }
            }
        }
        throw new AssertionError("no checkpoint.json in " + zip);
    }
}
