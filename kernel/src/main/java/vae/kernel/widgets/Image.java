package vae.kernel.widgets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import vae.plot.Png;

/**
 * A picture (ipywidgets' {@code Image}), e.g. a decoded digit: {@code new Image(ImageGrid.of(x, 1))}. V7/V8 send the
 * PNG as a binary buffer ({@code value}); V6 as base64 text ({@code _b64value}).
 */
public final class Image extends DomWidget {
    private volatile BufferedImage picture;

    public Image() {
        this(new byte[0]);
    }

    public Image(BufferedImage image) {
        this(Png.bytes(image));
        this.picture = image;
    }

    /** An image from its bytes in {@code format} ("png", "jpeg", "gif"). */
    public Image(byte[] bytes) {
        super("ImageModel", WidgetProtocol.Module.CONTROLS, "ImageView");
        trait("format", "png");
        trait("width", "");
        trait("height", "");
        if (protocol() == WidgetProtocol.V6) {
            trait("_b64value", Base64.getEncoder().encodeToString(bytes));
        } else {
            trait("value", bytes.clone());
        }
    }

    /** Shows {@code image} instead (sent as PNG). */
    public Image value(BufferedImage image) {
        store(Png.bytes(image));
        picture = image;
        pictureChanged();
        return this;
    }

    /** Shows these image bytes (in this image's {@code format}) instead. */
    public Image value(byte[] bytes) {
        store(bytes);
        picture = null;
        pictureChanged();
        return this;
    }

    private void store(byte[] bytes) {
        if (protocol() == WidgetProtocol.V6) {
            set("_b64value", Base64.getEncoder().encodeToString(bytes));
        } else {
            set("value", bytes.clone());
        }
    }

    /** The image's bytes. */
    public byte[] bytes() {
        return protocol() == WidgetProtocol.V6 ? Base64.getDecoder().decode((String) get("_b64value")) : ((byte[]) get("value")).clone();
    }

    /** The width on the page, in CSS pixels ("200") or any CSS length; "" for the image's own. */
    public Image width(String width) {
        set("width", width);
        return this;
    }

    public Image height(String height) {
        set("height", height);
        return this;
    }

    public Image format(String format) {
        set("format", format);
        return this;
    }

    @Override
    Optional<BufferedImage> picture() {
        BufferedImage p = picture;
        if (p != null) {
            return Optional.of(p);
        }
        byte[] b = bytes();
        if (b.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Image(format=\"" + get("format") + "\", " + bytes().length + " bytes)";
    }
}
