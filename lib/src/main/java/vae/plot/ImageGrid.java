package vae.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.data.Images;
import vae.model.Vae;
import vae.Language;

/**
 * Digits side by side as one picture. (A grid of images is no XChart chart type, so these return a
 * {@link BufferedImage}, which the kernel shows as PNG like a chart; {@link Png} saves either.)
 */
public final class ImageGrid {
    private static final int SCALE = 2, GAP = 2;
    private static final Color BACKGROUND = new Color(200, 200, 200), INK = new Color(20, 20, 20);

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

    /** Originals in the top row, their reconstructions below, column by column; each row labelled on the left. */
    public static BufferedImage originalsAboveReconstructions(INDArray originals, INDArray reconstructions) {
        if (originals.rows() != reconstructions.rows()) {
            throw new IllegalArgumentException(Language.text("error.imageGrid.pairs", originals.rows(), reconstructions.rows()));
        }
        return labelledRows(List.of(Language.text("label.originals"), Language.text("label.reconstructions")), List.of(originals, reconstructions));
    }

    /**
     * One row of images per batch, drawn left to right, with its label in a margin on the left: e.g. "originals" above
     * "reconstructions", or one row per β. Each batch is [n, 784] (n ≥ 1; the rows may differ in n).
     */
    public static BufferedImage labelledRows(List<String> labels, List<INDArray> rows) {
        if (labels == null || rows == null) throw new IllegalArgumentException(Language.text("error.imageGrid.null"));
        if (labels.size() != rows.size()) {
            throw new IllegalArgumentException(Language.text("error.imageGrid.labelCount", labels.size(), rows.size()));
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(Language.text("error.imageGrid.noRows"));
        int columns = 0;
        for (int i = 0; i < rows.size(); i++) {
            INDArray row = rows.get(i);
            String label = labels.get(i);
            if (label == null) throw new IllegalArgumentException(Language.text("error.imageGrid.nullLabel", i));
            if (row == null || row.rank() != 2 || row.columns() != Images.PIXELS || row.rows() < 1) {
                throw new IllegalArgumentException(Language.text("error.imageGrid.rowShape", i, label, (row == null ? "null" : Arrays.toString(row.shape()))));
            }
            columns = Math.max(columns, (int) row.rows());
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        int margin = 0;
        for (String label : labels) margin = Math.max(margin, metrics(font).stringWidth(label));
        margin += margin > 0 ? 3 * GAP + 4 : 0;
        int cell = 28 * SCALE + GAP;
        BufferedImage grid = new BufferedImage(margin + GAP + columns * cell, GAP + rows.size() * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows.size(); r++) {
            int top = GAP + r * cell;
            g.setColor(INK);
            g.drawString(labels.get(r), margin - 2 * GAP - 2 - fm.stringWidth(labels.get(r)), top + 28 * SCALE / 2 + (fm.getAscent() - fm.getDescent()) / 2);
            INDArray row = rows.get(r);
            for (int c = 0; c < row.rows(); c++) {
                g.drawImage(Images.toPicture(row.getRow(c)), margin + GAP + c * cell, top, 28 * SCALE, 28 * SCALE, null);
            }
        }
        g.dispose();
        return grid;
    }

    /**
     * The latent manifold of a 2-D VAE: the decoder's output for an n×n grid of z from −range to +range, z₁ across
     * (left to right) and z₂ up (bottom to top), with the axes z₁ and z₂ and each image's z as tick values.
     */
    public static BufferedImage manifold(Vae vae, int n, double range) {
        if (vae.latentSize() != 2) throw new IllegalArgumentException(Language.text("error.imageGrid.manifoldNot2d", vae.latentSize()));
        INDArray images = vae.decode(manifoldZ(n, range).castTo(vae.config().dataType()));
        double[] ticks = manifoldTicks(n, range);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11), titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        FontMetrics tm = metrics(tickFont), am = metrics(titleFont);
        String[] tickText = new String[n];
        int tickWidth = 0;
        for (int i = 0; i < n; i++) {
            tickText[i] = tick(ticks[i]);
            tickWidth = Math.max(tickWidth, tm.stringWidth(tickText[i]));
        }
        int cell = 28 * SCALE + GAP, tickLength = 4;
        int left = 6 + am.stringWidth("z₂") + 6 + tickWidth + 3 + tickLength;
        int bottom = tickLength + 2 + tm.getHeight() + 4 + am.getHeight() + 2;
        int right = Math.max(GAP, tickWidth / 2 + 2);
        int gridSide = GAP + n * cell;
        BufferedImage picture = new BufferedImage(left + gridSide + right, gridSide + bottom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.drawImage(of(images, n), left, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(INK);
        int every = Math.max(1, (int) Math.ceil((tickWidth + 6.0) / cell));   // label every column if the labels fit
        g.setFont(tickFont);
        for (int i = 0; i < n; i++) {
            int x = left + GAP + i * cell + 28 * SCALE / 2;                      // column i: z₁ = ticks[i]
            int y = GAP + i * cell + 28 * SCALE / 2;                             // row i from the top: z₂ = ticks[n − 1 − i]
            g.drawLine(x, gridSide, x, gridSide + tickLength);
            g.drawLine(left - tickLength, y, left - 1, y);
            if (i % every == 0 || i == n - 1) {
                g.drawString(tickText[i], x - tm.stringWidth(tickText[i]) / 2, gridSide + tickLength + 2 + tm.getAscent());
            }
            String z2 = tickText[n - 1 - i];
            g.drawString(z2, left - tickLength - 3 - tm.stringWidth(z2), y + (tm.getAscent() - tm.getDescent()) / 2);
        }
        g.setFont(titleFont);
        g.drawString("z₁", left + gridSide / 2 - am.stringWidth("z₁") / 2, picture.getHeight() - 2 - am.getDescent());
        g.drawString("z₂", 6, gridSide / 2 + (am.getAscent() - am.getDescent()) / 2);
        g.dispose();
        return picture;
    }

    /** The z values along each axis of {@link #manifold}: n evenly spaced from −range to +range (both included). */
    public static double[] manifoldTicks(int n, double range) {
        if (n < 2) throw new IllegalArgumentException(Language.text("error.imageGrid.manifoldN", n));
        if (!(range > 0)) throw new IllegalArgumentException(Language.text("error.imageGrid.manifoldRange", range));
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) ticks[i] = -range + 2 * range * i / (n - 1);
        return ticks;
    }

    /**
     * The z of every image of {@link #manifold}, [n·n, 2] (DOUBLE), row by row from the top left: image r·n + c
     * (Java indices, row r from the top, column c from the left) is z = (ticks[c], ticks[n − 1 − r]).
     */
    public static INDArray manifoldZ(int n, double range) {
        double[] ticks = manifoldTicks(n, range);
        INDArray z = Nd4j.create(DataType.DOUBLE, (long) n * n, 2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                z.putScalar(new long[] {(long) r * n + c, 0}, ticks[c]);
                z.putScalar(new long[] {(long) r * n + c, 1}, ticks[n - 1 - r]);
            }
        }
        return z;
    }

    private static String tick(double value) {
        if (Math.abs(value) < 1e-12) return "0";
        return String.format(java.util.Locale.ROOT, "%.3g", value);
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        return fm;
    }

    private static BufferedImage canvas(int rows, int columns) {
        BufferedImage image = new BufferedImage(GAP + columns * (28 * SCALE + GAP), GAP + rows * (28 * SCALE + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }
}
