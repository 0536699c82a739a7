package vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.DataFiles;
import vae.data.Mnist;
import vae.model.Checkpoint;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/** The trained models: from the vae-data jar by default, from the VAE_DATA folder when it is set. */
class PretrainedTest {
    @TempDir Path dir;

    @Test
    void bothTrainedModelsLoadFromTheClasspath() {
        Vae lesson = Pretrained.load(Pretrained.LESSON, DataFiles.fromSetting(null));
        assertEquals(VaeConfig.lesson(), lesson.config());
        assertEquals(2, Pretrained.load(Pretrained.LATENT_2D, DataFiles.fromSetting(null)).latentSize());
    }

    @Test
    void theConvModelLoadsWithTheConvArchitectureAndATestLossBelowAnUntrainedOnes() {
        Checkpoint shipped = DataFiles.fromSetting(null).read(Pretrained.CONV, Checkpoint::load);
        Vae trained = shipped.vae();
        assertEquals(VaeConfig.conv(), trained.config());
        assertEquals(Pretrained.CONV_EPOCHS, shipped.provenance().training().epochs());
        assertTrue(shipped.provenance().madeBy().endsWith("-Dexec.args=conv"), shipped.provenance().madeBy());
        // Both measured here, on the 1,000 test digits with one seeded draw of ε each: nothing typed in.
        INDArray test = Mnist.test().images();
        double trainedLoss = new Trainer(trained, TrainingConfig.defaults()).evaluate(test).get("loss");
        double untrainedLoss = new Trainer(new Vae(VaeConfig.conv()), TrainingConfig.defaults()).evaluate(test).get("loss");
        assertTrue(trainedLoss < untrainedLoss, "trained " + trainedLoss + ", untrained " + untrainedLoss);
        // And about what its training recorded (ε is drawn afresh here, so not exactly).
        assertEquals(shipped.provenance().testLoss(), trainedLoss, 0.02 * trainedLoss);
    }

    @Test
    void mainRejectsAnArgumentItDoesNotKnowBeforeTrainingAnything() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pretrained.main(new String[] {"mlp"}));
        assertTrue(e.getMessage().startsWith("The arguments are [mlp] but should be none"), e.getMessage());
    }

    @Test
    void aCheckpointInTheVaeDataFolderIsReadInsteadOfTheJar() {
        // A small model, not a copy of the shipped one: its config shows which file was read.
        VaeConfig small = VaeConfig.lesson().withHiddenSize(8).withLatentSize(3);
        Checkpoint.save(dir.resolve(Pretrained.LESSON), new Vae(small), null, null);
        assertEquals(small, Pretrained.load(Pretrained.LESSON, DataFiles.fromSetting(dir.toString())).config());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pretrained.load(Pretrained.LATENT_2D, DataFiles.fromSetting(dir.toString())));
        assertTrue(e.getMessage().startsWith("VAE_DATA is " + dir + ", but there is no vae-latent2d.zip in it"), e.getMessage());
    }

    @Test
    void aTruncatedOrForeignCheckpointInTheVaeDataFolderIsNamed() throws Exception {
        byte[] shipped;
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream("vae/data/" + Pretrained.LESSON)) {
            shipped = in.readAllBytes();
        }
        Path file = dir.resolve(Pretrained.LESSON);
        Files.write(file, Arrays.copyOf(shipped, shipped.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pretrained.load(Pretrained.LESSON, DataFiles.fromSetting(dir.toString())));
        assertTrue(e.getMessage().startsWith("Checkpoint " + file + " is not a readable zip: "), e.getMessage());

        Files.writeString(file, "not a zip");
        e = assertThrows(IllegalArgumentException.class, () -> Pretrained.load(Pretrained.LESSON, DataFiles.fromSetting(dir.toString())));
        assertEquals("Checkpoint " + file + " lacks checkpoint.json or parameters.bin: it was not written by Checkpoint.save", e.getMessage());
    }

    @Test
    void aCheckpointFromAStreamNamesItInItsMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(new ByteArrayInputStream(new byte[] {1, 2, 3}), "vae/data/vae-lesson.zip in vae-data.jar"));
        assertEquals("Checkpoint vae/data/vae-lesson.zip in vae-data.jar lacks checkpoint.json or parameters.bin: it was not written by Checkpoint.save",
                e.getMessage());
    }

    @Test
    void theTrainedModelsAreWrittenToTheVaeDataFolderWhenItIsSet() {
        // Without VAE_DATA they go to the repository's data/, found from the working folder (lib/ under Maven).
        String before = System.getProperty(DataFiles.SETTING);
        try {
            System.setProperty(DataFiles.SETTING, dir.toString());
            assertEquals(dir, Pretrained.folderToWrite());
        } finally {
            if (before == null) System.clearProperty(DataFiles.SETTING); else System.setProperty(DataFiles.SETTING, before);
        }
        if (System.getenv(DataFiles.SETTING) == null) {
            assertTrue(Files.isRegularFile(Pretrained.folderToWrite().resolve("README.md")), Pretrained.folderToWrite() + " is the repository's data/");
        }
    }
}
