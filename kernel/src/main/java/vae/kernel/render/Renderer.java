package vae.kernel.render;

import java.util.Map;

/**
 * Turns a value into a MIME bundle ({@code "image/png"} → base64, {@code "text/html"} → markup, ...).
 * Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/vae.kernel.render.Renderer}, and a jar added with {@code %jars} or {@code %maven}
 * can bring its own.
 */
public interface Renderer {

    /** The bundle for {@code value}, or null if this renderer does not handle it. */
    Map<String, String> render(Object value);

    /** Higher runs first; the built-in renderers use 0, a plug-in that wants to win uses more. */
    default int priority() {
        return 0;
    }
}
