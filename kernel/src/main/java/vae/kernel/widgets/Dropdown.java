package vae.kernel.widgets;

import java.util.List;
import java.util.Map;

/** A drop-down list of options (ipywidgets' {@code Dropdown}): {@code new Dropdown<>(List.of("mlp", "conv"))}. */
public final class Dropdown<T> extends Selection<T, Dropdown<T>> {
    /** Options shown by their {@code toString()}; the first is chosen. */
    public Dropdown(List<T> options) {
        this(labelled(options));
    }

    /** Options under labels of one's own, in the map's order (use a {@code LinkedHashMap}). */
    public Dropdown(Map<String, T> labelled) {
        super("DropdownModel", "DropdownView", labelled);
        if (protocol() != WidgetProtocol.V6) {
            trait("style", Style.description());
        }
    }
}
