package vae.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.data.Mnist;
import vae.model.Vae;
import vae.model.VaeConfig;

class ImageGridTest {
    private static final int CELL = 2 * 28 + 2;   // a digit drawn twice its size, and the gap after it

    @Test
    void labelledRowsPutsEachBatchInARowWithItsLabelInTheLeftMargin() {
        INDArray three = Mnist.train().images(0, 3), two = Mnist.train().images(3, 2);
        BufferedImage grid = ImageGrid.labelledRows(List.of("originals", "β = 0.1"), List.of(three, two));
        assertEquals(2 + 2 * CELL, grid.getHeight(), "two rows");
        int margin = grid.getWidth() - (2 + 3 * CELL);
        assertTrue(margin > 20, "a margin for the labels left of the widest row (3 images), but it is " + margin + " px");
        assertTrue(darkPixels(grid, 0, margin, 0, 2 + CELL) > 20, "the first label is drawn in the margin");
        assertTrue(darkPixels(grid, 0, margin, 2 + CELL, grid.getHeight()) > 10, "the second label is drawn in the margin");
        // The second row has 2 images: the place of a third is left empty (background only).
        assertEquals(0, darkPixels(grid, margin + 2 + 2 * CELL, grid.getWidth(), 2 + CELL, grid.getHeight()));
        assertTrue(darkPixels(grid, margin, grid.getWidth(), 0, 2 + CELL) > 100, "the digits are drawn");
    }

    @Test
    void emptyLabelsLeaveNoMargin() {
        BufferedImage grid = ImageGrid.labelledRows(List.of("", ""), List.of(Mnist.train().images(0, 4), Mnist.train().images(4, 4)));
        assertEquals(2 + 4 * CELL, grid.getWidth());
    }

    @Test
    void originalsAboveReconstructionsAreLabelled() {
        BufferedImage grid = ImageGrid.originalsAboveReconstructions(Mnist.train().batch(0, 1, 2), Mnist.train().batch(3, 4, 5));
        BufferedImage bare = ImageGrid.labelledRows(List.of("", ""), List.of(Mnist.train().batch(0, 1, 2), Mnist.train().batch(3, 4, 5)));
        assertEquals(2 + 2 * CELL, grid.getHeight());
        assertTrue(grid.getWidth() > bare.getWidth() + 40, "room for the word \"reconstructions\"");
    }

    @Test
    void labelledRowsRejectsMismatchedCountsAndShapesSayingWhatWasExpected() {
        INDArray ok = Mnist.train().images(0, 2);
        var counts = assertThrows(IllegalArgumentException.class, () -> ImageGrid.labelledRows(List.of("a", "b"), List.of(ok)));
        assertEquals("2 labels but 1 rows of images: give exactly one label per row", counts.getMessage());
        var squares = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.labelledRows(List.of("a", "b"), List.of(ok, Nd4j.zeros(DataType.FLOAT, 2, 28, 28))));
        assertTrue(squares.getMessage().startsWith("row 1 (\"b\") has shape [2, 28, 28] but [n, 784] was expected"), squares.getMessage());
        var vector = assertThrows(IllegalArgumentException.class, () -> ImageGrid.labelledRows(List.of("a"), List.of(Nd4j.zeros(DataType.FLOAT, 784))));
        assertTrue(vector.getMessage().contains("has shape [784] but [n, 784] was expected"), vector.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> ImageGrid.labelledRows(List.of(), List.of()));
        assertTrue(empty.getMessage().startsWith("no rows to draw"), empty.getMessage());
    }

    @Test
    void manifoldZRunsZ1AcrossAndZ2UpWithTheTicksAsValues() {
        double[] ticks = ImageGrid.manifoldTicks(5, 2.0);
        assertEquals(-2.0, ticks[0], 0);
        assertEquals(-1.0, ticks[1], 1e-15);
        assertEquals(2.0, ticks[4], 0);
        INDArray z = ImageGrid.manifoldZ(5, 2.0);
        assertEquals(List.of(25L, 2L), List.of(z.shape()[0], z.shape()[1]));
        assertEquals(-2.0, z.getDouble(0, 0), 0, "top left: the smallest z₁");
        assertEquals(2.0, z.getDouble(0, 1), 0, "top left: the largest z₂ (z₂ grows upwards)");
        assertEquals(1.0, z.getDouble(5 + 3, 0), 1e-15, "row 1, column 3: z₁ = ticks[3]");
        assertEquals(1.0, z.getDouble(5 + 3, 1), 1e-15, "row 1, column 3: z₂ = ticks[5 − 1 − 1]");
        assertEquals(-2.0, z.getDouble(24, 1), 0, "bottom right: the smallest z₂");
        var tooFew = assertThrows(IllegalArgumentException.class, () -> ImageGrid.manifoldTicks(1, 2.0));
        assertTrue(tooFew.getMessage().contains("n ≥ 2"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.manifoldTicks(5, 0));
    }

    @Test
    void manifoldDrawsEachDecodedZInItsCellWithAxesAndTicksInTheMargins() {
        Vae vae = new Vae(VaeConfig.lesson().withLatentSize(2));
        BufferedImage manifold = ImageGrid.manifold(vae, 5, 2.0);
        int gridSide = 2 + 5 * CELL;
        assertTrue(manifold.getHeight() > gridSide + 20, "a margin below for the z₁ ticks and title");
        // Find the grid's left edge: the grid is drawn as ImageGrid.of(decoded, 5), so match its first column of pixels.
        INDArray decoded = vae.decode(ImageGrid.manifoldZ(5, 2.0).castTo(vae.config().dataType()));
        BufferedImage bare = ImageGrid.of(decoded, 5);
        int left = manifold.getWidth() - bare.getWidth();
        while (left > 0 && !sameBox(manifold, left, bare)) left--;
        assertTrue(sameBox(manifold, left, bare), "the decoded grid appears unchanged in the picture");
        assertTrue(left > 30, "a margin on the left for the z₂ ticks and title, but it is " + left + " px");
        assertTrue(darkPixels(manifold, 0, left, 0, gridSide) > 50, "z₂ and its ticks are drawn on the left");
        assertTrue(darkPixels(manifold, left, manifold.getWidth(), gridSide, manifold.getHeight()) > 50, "z₁ and its ticks are drawn below");
        BufferedImage cell = ImageGrid.of(vae.decode(ImageGrid.manifoldZ(5, 2.0).getRow(5 + 3, true).castTo(vae.config().dataType())), 1);
        for (int x = 2; x < 2 + 56; x++) {
            for (int y = 2; y < 2 + 56; y++) {
                assertEquals(cell.getRGB(x, y), manifold.getRGB(left + 3 * CELL + x, CELL + y), "row 1, column 3 shows the decoded z of manifoldZ row 8");
            }
        }
    }

    private static boolean sameBox(BufferedImage big, int left, BufferedImage small) {
        for (int x = 0; x < small.getWidth(); x++) {
            for (int y = 0; y < small.getHeight(); y++) {
                if (big.getRGB(left + x, y) != small.getRGB(x, y)) return false;
            }
        }
        return true;
    }

    /** Pixels darker than the grey background (and than light ink) in the box [x0, x1) × [y0, y1). */
    static int darkPixels(BufferedImage image, int x0, int x1, int y0, int y1) {
        int count = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if ((image.getRGB(x, y) & 0xff) < 120) count++;
            }
        }
        return count;
    }
}
