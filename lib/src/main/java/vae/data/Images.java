package vae.data;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.runtime.Backend;
import vae.Language;

/** Between the model's rows of 784 pixels and things to look at: 28×28 arrays, pictures and terminal text. */
public final class Images {
    static { Backend.start(); }

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    private static final String INK = " .:-=+*#%@";   // light to dark, for a terminal

    private Images() {}

    /** [n, 28, 28] → [n, 784]: each image becomes one row, read row by row (as the encoder expects). */
    public static INDArray flatten(INDArray images) {
        long[] s = images.shape();
        if (s.length == 2 && s[0] == SIDE && s[1] == SIDE) return images.reshape('c', new long[] {1, PIXELS});
        if (s.length != 3 || s[1] != SIDE || s[2] != SIDE) {
            throw new IllegalArgumentException(Language.text("error.images.flattenShape", Arrays.toString(s)));
        }
        return images.reshape('c', new long[] {s[0], PIXELS});
    }

    /** [n, 784] → [n, 28, 28], the inverse of {@link #flatten}. */
    public static INDArray toSquares(INDArray rows) {
        long[] s = rows.shape();
        if (s.length == 1 && s[0] == PIXELS) return rows.reshape('c', new long[] {1, SIDE, SIDE});
        if (s.length != 2 || s[1] != PIXELS) {
            throw new IllegalArgumentException(Language.text("error.images.toSquaresShape", Arrays.toString(s)));
        }
        return rows.reshape('c', new long[] {s[0], SIDE, SIDE});
    }

    /** One image ([784], [1, 784] or [28, 28], pixels in [0, 1]) as a grey picture, ink dark on white paper. */
    public static BufferedImage toPicture(INDArray image) {
        double[] pixels = pixelsOf(image);
        BufferedImage picture = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < PIXELS; i++) {
            int grey = 255 - (int) Math.round(255 * Math.max(0, Math.min(1, pixels[i])));
            picture.getRaster().setSample(i % SIDE, i / SIDE, 0, grey);
        }
        return picture;
    }

    /** One image as 28 lines of text, darker characters for more ink, for a terminal. */
    public static String toText(INDArray image) {
        double[] pixels = pixelsOf(image);
        StringBuilder text = new StringBuilder(PIXELS + SIDE);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double p = Math.max(0, Math.min(1, pixels[r * SIDE + c]));
                text.append(INK.charAt((int) Math.min(INK.length() - 1, Math.floor(p * INK.length()))));
            }
            text.append('\n');
        }
        return text.toString();
    }

    static double[] pixelsOf(INDArray image) {
        if (image.length() != PIXELS || (image.rank() == 2 && image.rows() != 1 && image.rows() != SIDE)) {
            throw new IllegalArgumentException(Language.text("error.images.oneImageShape", Arrays.toString(image.shape())));
        }
        return image.dup('c').reshape(PIXELS).toDoubleVector();
    }
}
