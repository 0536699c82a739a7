package vae.kernel.render;

import java.util.Locale;
import java.util.Map;
import vae.kernel.Progress;

/** A {@link Progress} as an HTML progress bar with its status, and as a text bar. */
public final class ProgressRenderer implements Renderer {
    @Override
    public Map<String, String> render(Object value) {
        if (!(value instanceof Progress p)) {
            return null;
        }
        String html = String.format(Locale.ROOT,
                "<div class=\"vae-progress\"><span>%s</span> <progress value=\"%.4f\" max=\"1\" style=\"width:20em\"></progress>"
                        + " <span>%d%%</span> <span>%s</span></div>",
                Html.escape(p.title()), p.fraction(), Math.round(p.fraction() * 100), Html.escape(p.status()));
        return Map.of("text/html", html, "text/plain", p.toString());
    }
}
