package vae.kernel;

import java.util.Map;
import java.util.UUID;
import vae.kernel.render.Renderers;
import vae.kernel.session.CellContext;
import vae.kernel.session.Output;

/**
 * Shows values under the running cell. Every cell has {@code import static vae.kernel.Display.*;}, so a cell writes
 * {@code display(chart)} and, later in the cell, {@code updateDisplay(id, newChart)}.
 */
public final class Display {
    private Display() {}

    /** Shows {@code value} (a chart, a table, an array, an image, a widget, or its text) and returns its display id. */
    public static DisplayId display(Object value) {
        if (value instanceof DisplaysItself d) {
            return d.displayItself();
        }
        DisplayId id = new DisplayId(UUID.randomUUID().toString());
        send(Renderers.get().render(value), id.id(), false);
        return id;
    }

    /** Replaces what {@link #display} showed under {@code id} with {@code value}, in place. */
    public static void updateDisplay(DisplayId id, Object value) {
        updateDisplay(id.id(), value);
    }

    /** Replaces what was shown under the display id {@code id} with {@code value}, in place. */
    public static void updateDisplay(String id, Object value) {
        send(Renderers.get().render(value), id, true);
    }

    /** Shows a ready MIME bundle, e.g. {@code Map.of("text/html", "<b>hi</b>")}, and returns its display id. */
    public static DisplayId displayBundle(Map<String, String> bundle) {
        DisplayId id = new DisplayId(UUID.randomUUID().toString());
        send(bundle, id.id(), false);
        return id;
    }

    /** Replaces what was shown under {@code id} with a ready MIME bundle, in place. */
    public static void updateDisplayBundle(DisplayId id, Map<String, String> bundle) {
        send(bundle, id.id(), true);
    }

    private static void send(Map<String, String> bundle, String id, boolean update) {
        Output out = CellContext.current();
        if (out == null) {
            throw new IllegalStateException("display() works while a cell runs; no cell is running now");
        }
        CellContext.flush(); // keep printed text and displays in order
        out.display(bundle, id, update);
    }
}
