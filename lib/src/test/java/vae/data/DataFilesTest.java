package vae.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the digits are read from: the VAE_DATA folder when it is set, else the vae-data jar on the classpath. */
class DataFilesTest {
    @TempDir Path dir;

    @Test
    void unsetReadsTheDigitsShippedInTheVaeDataJar() {
        for (String unset : new String[] {null, "", "  "}) {
            DataFiles files = DataFiles.fromSetting(unset);
            assertEquals(Optional.empty(), files.folder());
            assertEquals(9000, Mnist.load("train", files).size());
            assertEquals(1000, Mnist.load("test", files).size());
        }
        String name = DataFiles.fromSetting(null).read("test-labels-idx1-ubyte.gz", (in, n) -> n);
        assertTrue(name.contains("vae/data/test-labels-idx1-ubyte.gz"), "messages name the resource: " + name);
    }

    @Test
    void aVaeDataFolderIsReadInsteadOfTheJar() throws Exception {
        // Two digits, not a copy of the 9,000: the count shows which source was read.
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), idx(new int[] {2, 2, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7}));
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), idx(new int[] {2}, new byte[] {7, 1}));
        Digits train = Mnist.load("train", DataFiles.fromSetting(dir.toString()));
        assertEquals(2, train.size());
        assertEquals(7, train.label(0));
        assertEquals(Optional.of(dir), DataFiles.fromSetting(dir.toString()).folder());
    }

    @Test
    void anEmptyVaeDataFolderIsAnErrorNamingTheMissingFileAndTheFolder() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Mnist.load("train", DataFiles.fromSetting(dir.toString())));
        assertEquals("VAE_DATA is " + dir + ", but there is no train-images-idx3-ubyte.gz in it (" + dir.resolve("train-images-idx3-ubyte.gz")
                + "). Copy train-images-idx3-ubyte.gz there from the repository's data/ folder, or unset VAE_DATA to read the copy in the"
                + " io.github.vaenotebooks:vae-data jar.", e.getMessage());
        Path nowhere = dir.resolve("nowhere");
        e = assertThrows(IllegalStateException.class, () -> Mnist.load("test", DataFiles.fromSetting(nowhere.toString())));
        assertTrue(e.getMessage().startsWith("VAE_DATA is " + nowhere + ", which is not a folder."), e.getMessage());
    }

    @Test
    void aResourceMissingFromTheClasspathIsAnErrorNamingItsJarAndVaeData() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataFiles.fromSetting(null).read("fashion.gz", Idx::read));
        assertEquals("vae/data/fashion.gz is not on the classpath. It ships in the io.github.vaenotebooks:vae-data jar (the same version as"
                + " vae-lib, which depends on it): add that jar (%maven io.github.vaenotebooks:vae-data:VERSION, or %jars with its path), or set"
                + " VAE_DATA to a folder holding fashion.gz, such as the repository's data/.", e.getMessage());
    }

    @Test
    void aTruncatedOrCorruptGzipInTheVaeDataFolderIsNamed() throws Exception {
        byte[] shipped;
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream("vae/data/train-images-idx3-ubyte.gz")) {
            shipped = in.readAllBytes();
        }
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(images, Arrays.copyOf(shipped, shipped.length / 2));
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), idx(new int[] {9000}, new byte[9000]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load("train", DataFiles.fromSetting(dir.toString())));
        assertTrue(e.getMessage().startsWith("IDX file " + images + " is not valid: it is truncated: the header [9000, 28, 28] promises 7056000"
                + " bytes of data but the gzipped stream ends before them"), e.getMessage());

        Files.write(images, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.load("train", DataFiles.fromSetting(dir.toString())));
        assertTrue(e.getMessage().startsWith("IDX file " + images + " is not valid: it looks gzipped but cannot be unzipped"), e.getMessage());
    }

    @Test
    void idxFromAStreamNamesItInItsMessages() throws Exception {
        byte[] truncated = Arrays.copyOf(idx(new int[] {2, 2, 2}, new byte[8]), 16 + 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Idx.read(new ByteArrayInputStream(truncated), "vae/data/x.gz in some.jar"));
        assertEquals("IDX file vae/data/x.gz in some.jar is not valid: it is truncated: the header [2, 2, 2] promises 8 bytes of data but only 5 follow",
                e.getMessage());
        assertEquals(3, Idx.read(new ByteArrayInputStream(idx(new int[] {3}, new byte[3])), "labels").count());
    }

    static byte[] idx(int[] dims, byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) out.writeInt(d);
        out.write(data);
        return bytes.toByteArray();
    }

    private static void gzip(Path file, byte[] content) throws Exception {
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(content);
        }
    }
}
