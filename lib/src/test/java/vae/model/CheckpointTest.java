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
        INDArray data = Mnist.train().range(0, 256), x = Mnist.test().range(0, 3);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(1).withBatchSize(64);
        Vae vae = Vae.lesson();
        Trainer trainer = new Trainer(vae, config);
        trainer.fit(data, null);
        JsonObject notes = new JsonObject();
        notes.addProperty("epochs", 1);
        Path file = dir.resolve("vae.zip");
        Checkpoint.save(file, vae, trainer.adam(), notes);

        Checkpoint loaded = Checkpoint.load(file);
        assertEquals(vae.config(), loaded.vae().config());
        assertEquals(1, loaded.notes().get("epochs").getAsInt());
        INDArray eps = vae.noise(3, new Random(4));
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
        Vae vae = Vae.lesson();
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
}
