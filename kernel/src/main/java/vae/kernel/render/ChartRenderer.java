package vae.kernel.render;

import java.util.Base64;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** An XChart chart as {@code image/png}, at the chart's own size. */
public final class ChartRenderer implements Renderer {
    @Override
    public Map<String, String> render(Object value) {
        if (!(value instanceof Chart<?, ?> chart)) {
            return null;
        }
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
            return Map.of("image/png", Base64.getEncoder().encodeToString(png),
                    "text/plain", chart.getClass().getSimpleName() + title + " " + chart.getWidth() + "x" + chart.getHeight());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
