package vae.kernel.widgets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import vae.kernel.Display;
import vae.kernel.session.CellContext;

/**
 * An area that shows what code prints and displays while it {@link #capture}s it (ipywidgets' {@code Output}):
 * {@code out.show(chart)} replaces what it shows with a chart, a table, an image or text. Where a kernel runs, the
 * frontend fills it from the messages sent under the current request ({@code msg_id}, as ipywidgets does); the
 * kernel keeps a copy too, for its picture where no widget manager draws it.
 */
public final class Output extends DomWidget {
    private final List<OutputRecorder.Item> items = new ArrayList<>();

    public Output() {
        super("OutputModel", WidgetProtocol.Module.OUTPUT, "OutputView");
        trait("msg_id", "");
        if (protocol() != WidgetProtocol.V6) {
            trait("outputs", new com.google.gson.JsonArray());
        }
    }

    /**
     * Runs {@code code} with what it prints and displays going into this area. An exception is shown in the area where
     * a kernel runs (as ipywidgets does), and thrown on where none does, so a headless run fails loudly.
     */
    public void capture(Runnable code) {
        vae.kernel.session.Output outer = CellContext.current();
        boolean live = comm().isPresent();
        String parent = live ? WidgetFrontend.current().parentId() : "";
        OutputRecorder recorder = new OutputRecorder(live ? outer : null, items);
        if (!parent.isEmpty()) {
            set("msg_id", parent);
        }
        CellContext.enter(recorder);
        try {
            code.run();
        } catch (RuntimeException e) {
            if (!live) {
                throw e;
            }
            var failure = WidgetFrontend.current().describe(e);
            recorder.error(failure.ename(), failure.evalue(), failure.traceback());
        } finally {
            CellContext.enter(outer);
            if (!parent.isEmpty()) {
                set("msg_id", "");
            }
            pictureChanged();
        }
    }

    /** Shows {@code value} here instead of what was here (the old picture stays until the new one comes). */
    public void show(Object value) {
        capture(() -> {
            CellContext.current().clear(true);
            if (value != null) {
                Display.display(value);
            }
        });
    }

    /** Empties the area. */
    public void clear() {
        capture(() -> CellContext.current().clear(false));
    }

    @Override
    Optional<BufferedImage> picture() {
        List<OutputRecorder.Item> now;
        synchronized (items) {
            now = OutputRecorder.copy(items);
        }
        for (int i = now.size() - 1; i >= 0; i--) {
            var b = now.get(i).bundle();
            if (b != null && b.containsKey("image/png")) {
                try {
                    return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get("image/png")))));
                } catch (IOException | IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** What the area shows as text: what was printed and the text of each display. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        synchronized (items) {
            for (OutputRecorder.Item item : items) {
                sb.append(item.bundle() == null ? item.text() : item.bundle().getOrDefault("text/plain", "") + "\n");
            }
        }
        return sb.length() == 0 ? "Output()" : sb.toString().stripTrailing();
    }
}
