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
import vae.data.DataFiles;
import vae.model.Checkpoint;
import vae.model.Vae;
import vae.model.VaeConfig;

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
