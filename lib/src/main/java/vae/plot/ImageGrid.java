package vae.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.data.Images;
import vae.model.Vae;

/**
 * Digits side by side as one picture. (A grid of images is no XChart chart type, so these return a
 * {@link BufferedImage}, which the kernel shows as PNG like a chart; {@link Png} saves either.)
 */
public final class ImageGrid {
    private static final int SCALE = 2, GAP = 2;

    private ImageGrid() {}

    /** The rows of {@code images} ([n, 784]) in a grid {@code columns} wide. */
    public static BufferedImage of(INDArray images, int columns) {
        int n = (int) images.rows();
        int rows = (n + columns - 1) / columns;
        BufferedImage grid = canvas(rows, Math.min(columns, n));
        Graphics2D g = grid.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        for (int i = 0; i < n; i++) {
            int r = i / columns, c = i % columns;
            g.drawImage(Images.toPicture(images.getRow(i)), GAP + c * (28 * SCALE + GAP), GAP + r * (28 * SCALE + GAP), 28 * SCALE, 28 * SCALE, null);
        }
        g.dispose();
        return grid;
    }

    /** Originals in the top row, their reconstructions below, column by column. */
    public static BufferedImage originalsAboveReconstructions(INDArray originals, INDArray reconstructions) {
        if (originals.rows() != reconstructions.rows()) {
            throw new IllegalArgumentException(originals.rows() + " originals but " + reconstructions.rows() + " reconstructions: they should pair up");
        }
        return of(Nd4j.concat(0, originals.castTo(DataType.FLOAT), reconstructions.castTo(DataType.FLOAT)), (int) originals.rows());
    }

    /**
     * The latent manifold of a 2-D VAE: the decoder's output for an n×n grid of z from −range to +range
     * (z₁ across, z₂ up).
     */
    public static BufferedImage manifold(Vae vae, int n, double range) {
        if (vae.latentSize() != 2) throw new IllegalArgumentException("a manifold grid needs a latent size of 2, this VAE has " + vae.latentSize());
        INDArray z = Nd4j.create(vae.config().dataType(), (long) n * n, 2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                z.putScalar(new long[] {(long) r * n + c, 0}, -range + 2 * range * c / (n - 1));
                z.putScalar(new long[] {(long) r * n + c, 1}, range - 2 * range * r / (n - 1));
            }
        }
        return of(vae.decode(z), n);
    }

    private static BufferedImage canvas(int rows, int columns) {
        BufferedImage image = new BufferedImage(GAP + columns * (28 * SCALE + GAP), GAP + rows * (28 * SCALE + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }
}
