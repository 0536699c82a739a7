package vae.kernel.render;

import java.awt.image.RenderedImage;
import java.util.Map;
import vae.plot.Png;

/** A {@link RenderedImage} (e.g. a {@code BufferedImage}) as {@code image/png}. */
public final class ImageRenderer implements Renderer {
    @Override
    public Map<String, String> render(Object value) {
        if (!(value instanceof RenderedImage image)) {
            return null;
        }
        return Map.of("image/png", Png.base64(image),
                "text/plain", "image " + image.getWidth() + "x" + image.getHeight());
    }
}
