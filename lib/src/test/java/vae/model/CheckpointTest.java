package vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.Mnist;
import vae.train.Trainer;
import vae.train.TrainingConfig;

class CheckpointTest {
    @TempDir Path dir;

    @Test
    void savedAndLoadedModelGivesIdenticalOutputsAndTrainsOnIdentically() throws Exception {
        INDArray data = Mnist.train().images(0, 256), x = Mnist.test().images(0, 3);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withBatchSize(64);
        Vae vae = Vae.untrained();
        Trainer trainer = new Trainer(vae, config);
        trainer.fit(data, null);
        JsonObject notes = new JsonObject();
        notes.addProperty("epochs", 1);
        Path file = dir.resolve("vae.zip");
        Checkpoint.save(file, vae, trainer.adam(), notes);

        Checkpoint loaded = Checkpoint.load(file);
        assertEquals(vae.config(), loaded.vae().config());
        assertEquals(1, loaded.notes().get("epochs").getAsInt());
        INDArray eps = vae.epsilon(3, new Random(4));
        assertEquals(vae.forward(x, eps).reconstruction(), loaded.vae().forward(x, eps).reconstruction());
        assertEquals(trainer.adam().iteration(), loaded.adam().iteration());

        // The optimizer state came back too: one more step from each gives the same weights.
        INDArray batch = data.getRows(0, 1, 2, 3);
        new Trainer(vae, config.withSeed(99), trainer.adam()).step(batch);
        new Trainer(loaded.vae(), config.withSeed(99), loaded.adam()).step(batch);
        assertEquals(vae.parameterVector(), loaded.vae().parameterVector());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left beside the checkpoint");
        }
    }

    @Test
    void aFailedSaveLeavesTheOldCheckpointWhole() throws Exception {
        Path file = dir.resolve("vae.zip");
        Vae vae = Vae.untrained();
        Checkpoint.save(file, vae, null, null);
        byte[] before = Files.readAllBytes(file);
        // A crash midway: the temporary file is open when writing the (missing) model fails.
        assertThrows(NullPointerException.class, () -> Checkpoint.save(file, null, null, null));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the old checkpoint is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no partial file is left");
        }
    }

    @Test
    void notACheckpointIsRejectedWithItsName() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir.resolve("missing.zip")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void theLessonsSaveAndLoadGiveTheSameModelBack() throws Exception {
        Vae vae = Vae.untrained();
        new Trainer(vae, TrainingConfig.defaults().withEpochs(1).withBatchSize(64)).fit(Mnist.train().images(0, 128), null);
        Path file = vae.save(dir.resolve("models/my-vae.zip").toString());
        assertEquals(dir.resolve("models/my-vae.zip").toAbsolutePath(), file, "save makes the folder and says where the file went");
        Vae back = Vae.load(file, VaeConfig.lesson());
        INDArray three = Mnist.test().firstImageOfDigit(3);
        assertEquals(vae.encode(three).mu(), back.encode(three).mu(), "the same μ for a test digit");
        assertEquals(vae.parameterVector(), Vae.load(file.toString()).parameterVector());
    }

    @Test
    void anotherModelWhereTheLessonsIsExpectedSaysWhatCameAndWhatToDo() {
        Path twoD = new Vae(VaeConfig.lesson().withLatentSize(2)).save(dir.resolve("two-d.zip"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vae.load(twoD, VaeConfig.lesson()));
        assertTrue(e.getMessage().contains("784-400-2 (latent size 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("784-400-10 (latent size 10)"), e.getMessage());
        assertTrue(e.getMessage().contains("differ in: latent size"), e.getMessage());
        assertTrue(e.getMessage().contains("Vae.load(path) without a configuration"), e.getMessage());
        assertEquals(2, Vae.load(twoD).latentSize(), "without an expected configuration any model loads");

        Path conv = new Vae(VaeConfig.conv()).save(dir.resolve("conv.zip"));
        e = assertThrows(IllegalArgumentException.class, () -> Vae.load(conv, VaeConfig.lesson()));
        assertTrue(e.getMessage().contains("a conv VAE (latent size 10)") && e.getMessage().contains("differ in: architecture"), e.getMessage());

        Path collapsed = new Vae(VaeConfig.lesson().withBeta(50)).save(dir.resolve("beta50.zip"));
        e = assertThrows(IllegalArgumentException.class, () -> Vae.load(collapsed, VaeConfig.lesson()));
        assertTrue(e.getMessage().contains("differ in: β"), e.getMessage());
        assertEquals(50, Vae.load(collapsed, VaeConfig.lesson().withBeta(50).withSeed(7)).config().beta(), "the seed does not count");
    }

    @Test
    void badPathsSayWhatCameAndTheLikelyFix() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vae.load(dir.resolve("nowhere.zip"), VaeConfig.lesson()));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("vae.save(path)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vae.load(dir, VaeConfig.lesson()));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vae.untrained().save(dir));
        assertTrue(e.getMessage().contains("is a folder") && e.getMessage().contains("my-vae.zip"), e.getMessage());
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "x");
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> Vae.untrained().save(blocked.resolve("vae.zip")));
        assertTrue(s.getMessage().contains("Could not save") && s.getMessage().contains("choose another path"), s.getMessage());
    }

    @Test
    void theMessagesSpeakVietnameseToo() {
        Path twoD = new Vae(VaeConfig.lesson().withLatentSize(2)).save(dir.resolve("two-d.zip"));
        vae.Language.use("vi");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vae.load(twoD, VaeConfig.lesson()));
            assertTrue(e.getMessage().contains("không gian ẩn 2 chiều") && e.getMessage().contains("Vae.load(path)"), e.getMessage());
        } finally {
            vae.Language.reset();
        }
    }
}
