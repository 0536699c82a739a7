package vae.kernel.widgets;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/** The pictures of a box's children side by side ({@link HBox}) or one above the other ({@link VBox}), on white. */
final class Pictures {
    private static final int GAP = 8;

    private Pictures() {}

    static Optional<BufferedImage> compose(List<BufferedImage> pictures, boolean horizontal) {
        if (pictures.isEmpty()) {
            return Optional.empty();
        }
        if (pictures.size() == 1) {
            return Optional.of(pictures.get(0));
        }
        int gaps = GAP * (pictures.size() - 1);
        int w = horizontal ? pictures.stream().mapToInt(BufferedImage::getWidth).sum() + gaps
                : pictures.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = horizontal ? pictures.stream().mapToInt(BufferedImage::getHeight).max().orElse(1)
                : pictures.stream().mapToInt(BufferedImage::getHeight).sum() + gaps;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int at = 0;
        for (BufferedImage p : pictures) {
            g.drawImage(p, horizontal ? at : 0, horizontal ? 0 : at, null);
            at += (horizontal ? p.getWidth() : p.getHeight()) + GAP;
        }
        g.dispose();
        return Optional.of(out);
    }
}
