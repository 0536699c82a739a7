package vae.kernel.render;

import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import vae.plot.Png;

/** An XChart chart as {@code image/png}, at the chart's own size. */
public final class ChartRenderer implements Renderer {
    @Override
    public Map<String, String> render(Object value) {
        if (!(value instanceof Chart<?, ?> chart)) {
            return null;
        }
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        return Map.of("image/png", Png.base64(chart),
                "text/plain", chart.getClass().getSimpleName() + title + " " + chart.getWidth() + "x" + chart.getHeight());
    }
}
