package vae.kernel.widgets;

/** A line of plain text (ipywidgets' {@code Label}), e.g. beside a slider in an {@link HBox}. */
public final class Label extends TextWidget<Label> {
    public Label() {
        this("");
    }

    public Label(String value) {
        super("LabelModel", "LabelView", value, "LabelStyleModel", "background", "font_family", "font_size", "font_style",
                "font_variant", "font_weight", "text_color", "text_decoration");
    }
}
