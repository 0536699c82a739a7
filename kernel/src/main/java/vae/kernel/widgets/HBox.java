package vae.kernel.widgets;

import java.util.List;

/** Widgets in a row (ipywidgets' {@code HBox}): {@code new HBox(muSlider, sigmaSlider)}. */
public final class HBox extends Box {
    public HBox(Widget... children) {
        this(List.of(children));
    }

    public HBox(List<? extends Widget> children) {
        super("HBoxModel", "HBoxView", true, children);
    }
}
