package vae.kernel.widgets;

import java.util.List;

/** Widgets in a column (ipywidgets' {@code VBox}): {@code new VBox(slider, output)}. */
public class VBox extends Box {
    public VBox(Widget... children) {
        this(List.of(children));
    }

    public VBox(List<? extends Widget> children) {
        super("VBoxModel", "VBoxView", false, children);
    }
}
