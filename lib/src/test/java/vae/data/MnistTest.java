package vae.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class MnistTest {
    @TempDir Path dir;

    @Test
    void shippedSplitHasNineThousandAndOneThousandLabelledDigits() {
        Digits train = Mnist.train(), test = Mnist.test();
        assertEquals(9000, train.size());
        assertEquals(1000, test.size());
        assertArrayEquals(new long[] {9000, 784}, train.images().shape());
        assertEquals(10_000, Arrays.stream(train.countsPerDigit()).sum() + Arrays.stream(test.countsPerDigit()).sum());
        // The npm package holds 1,032 threes in all (src/digits/3.json).
        assertEquals(1032, train.countsPerDigit()[3] + test.countsPerDigit()[3]);
        for (int[] counts : new int[][] {train.countsPerDigit(), test.countsPerDigit()}) {
            for (int c : counts) assertTrue(c > 0);
        }
    }

    @Test
    void pixelsAreGreyLevelsOver255() {
        Digits train = Mnist.train();
        int i = train.indexOfFirst(3);
        assertEquals(3, train.label(i));
        int[] grey = train.greyLevels(i);
        INDArray image = train.firstImageOfDigit(3);
        assertArrayEquals(new long[] {1, 784}, image.shape());
        for (int p = 0; p < 784; p++) assertEquals(grey[p] / 255.0, image.getDouble(0, p), 1e-7);
        assertEquals(255, Arrays.stream(grey).max().getAsInt(), "a digit has fully black ink somewhere");
    }

    @Test
    void batchesAndRoundTripsThroughSquares() {
        Digits train = Mnist.train();
        INDArray batch = train.batch(4, 0, 9);
        assertArrayEquals(train.image(0).toFloatVector(), batch.getRow(1).toFloatVector());
        INDArray squares = Images.toSquares(batch);
        assertArrayEquals(new long[] {3, 28, 28}, squares.shape());
        // Row-major: pixel (r, c) of the square is entry 28·r + c of the row.
        assertEquals(batch.getDouble(2, 28 * 14 + 9), squares.getDouble(2, 14, 9), 0);
        assertEquals(batch, Images.flatten(squares));
        assertArrayEquals(new int[] {train.label(4), train.label(0), train.label(9)}, train.labels(4, 0, 9));
    }

    @Test
    void pictureAndText() {
        INDArray three = Mnist.train().firstImageOfDigit(3);
        BufferedImage picture = Images.toPicture(three);
        assertEquals(28, picture.getWidth());
        int[] grey = Mnist.train().greyLevels(Mnist.train().indexOfFirst(3));
        int darkest = 0;
        for (int p = 1; p < 784; p++) if (grey[p] > grey[darkest]) darkest = p;
        assertEquals(0, picture.getRaster().getSample(darkest % 28, darkest / 28, 0), "full ink is black");
        assertEquals(255, picture.getRaster().getSample(0, 0, 0), "the corner is white paper");
        String text = Images.toText(three);
        assertEquals(28, text.lines().count());
        assertEquals('@', text.charAt(darkest / 28 * 29 + darkest % 28));
        assertEquals(' ', text.charAt(0));
    }

    @Test
    void readsAnyIdxFileGzippedOrNot() throws Exception {
        Path images = dir.resolve("images.idx"), labels = dir.resolve("labels.idx.gz");
        Files.write(images, idx(new int[] {2, 2, 3}, new byte[] {0, 51, 102, (byte) 153, (byte) 204, (byte) 255, 1, 2, 3, 4, 5, 6}));
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(labels))) {
            gz.write(idx(new int[] {2}, new byte[] {7, 1}));
        }
        Digits digits = Mnist.load("tiny", images, labels);
        assertEquals(2, digits.size());
        assertEquals(6, digits.pixelsPerImage());
        assertEquals(7, digits.label(0));
        assertEquals(0.2, digits.images().getDouble(0, 1), 1e-7);
    }

    @Test
    void missingTruncatedAndCorruptFilesNameTheFileAndTheFault() throws Exception {
        Path missing = dir.resolve("nope.gz");
        assertEquals("IDX file " + missing + " does not exist", assertThrows(IllegalArgumentException.class, () -> Idx.read(missing)).getMessage());

        Path truncated = dir.resolve("truncated.idx");
        Files.write(truncated, Arrays.copyOf(idx(new int[] {2, 2, 2}, new byte[8]), 16 + 5));
        assertEquals("IDX file " + truncated + " is not valid: it is truncated: the header [2, 2, 2] promises 8 bytes of data but only 5 follow",
                assertThrows(IllegalArgumentException.class, () -> Idx.read(truncated)).getMessage());

        Path corrupt = dir.resolve("corrupt.idx");
        Files.write(corrupt, "PK\u0003\u0004 not idx".getBytes());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(corrupt)).getMessage()
                .startsWith("IDX file " + corrupt + " is not valid: it starts with 0x504b0304"));

        Path badGzip = dir.resolve("bad.gz");
        Files.write(badGzip, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(badGzip)).getMessage()
                .startsWith("IDX file " + badGzip + " is not valid: it looks gzipped but cannot be unzipped"));

        Path labels = dir.resolve("labels.idx");
        Files.write(labels, idx(new int[] {3}, new byte[3]));
        Path images = dir.resolve("images.idx");
        Files.write(images, idx(new int[] {2, 1, 1}, new byte[2]));
        assertEquals(images + " holds 2 images but " + labels + " holds 3 labels: they should come in pairs",
                assertThrows(IllegalArgumentException.class, () -> Mnist.load("x", images, labels)).getMessage());
    }

    private static byte[] idx(int[] dims, byte[] data) throws Exception {
        return DataFilesTest.idx(dims, data);
    }
}
