package vae.plot;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import vae.Language;

/**
 * Charts and pictures as PNG: bytes, base64 for a notebook's {@code image/png}, or a file. The one PNG encoder of the
 * project: the kernel's renderers and the grade report use it too.
 */
public final class Png {
    private Png() {}

    /** The PNG bytes of an XChart chart or a {@link RenderedImage} (e.g. a {@code BufferedImage}). */
    public static byte[] bytes(Object chartOrImage) {
        try {
            if (chartOrImage instanceof Chart<?, ?> chart) return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            if (chartOrImage instanceof RenderedImage image) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(Language.text("error.png.what", (chartOrImage == null ? "null" : chartOrImage.getClass().getName())));
    }

    /** The PNG as base64, as a notebook stores {@code image/png}. */
    public static String base64(Object chartOrImage) {
        return Base64.getEncoder().encodeToString(bytes(chartOrImage));
    }

    /** Saves it as a PNG file. */
    public static Path save(Object chartOrImage, Path file) {
        try {
            Files.write(file, bytes(chartOrImage));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(Language.text("error.png.cannotWrite", file), e);
        }
    }
}
