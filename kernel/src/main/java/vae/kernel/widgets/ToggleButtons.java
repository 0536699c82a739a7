package vae.kernel.widgets;

import java.util.List;
import java.util.Map;

/** A row of buttons of which one is down (ipywidgets' {@code ToggleButtons}): {@code new ToggleButtons<>(List.of(2, 8, 32))}. */
public final class ToggleButtons<T> extends Selection<T, ToggleButtons<T>> {
    /** Options shown by their {@code toString()}; the first is chosen. */
    public ToggleButtons(List<T> options) {
        this(labelled(options));
    }

    public ToggleButtons(Map<String, T> labelled) {
        super("ToggleButtonsModel", "ToggleButtonsView", labelled);
        trait("tooltips", List.of());
        trait("icons", List.of());
        trait("button_style", "");
        if (protocol() != WidgetProtocol.V6) {
            trait("style", Style.toggleButtons());
        }
    }

    /** One of {@code primary}, {@code success}, {@code info}, {@code warning}, {@code danger} or "". */
    public ToggleButtons<T> buttonStyle(String style) {
        set("button_style", style);
        return this;
    }
}
