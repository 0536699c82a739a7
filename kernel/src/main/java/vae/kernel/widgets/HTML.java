package vae.kernel.widgets;

/** Text with HTML markup (ipywidgets' {@code HTML}): {@code new HTML("<b>z</b> = (0.5, -1.2)")}. */
public final class HTML extends TextWidget<HTML> {
    public HTML() {
        this("");
    }

    public HTML(String value) {
        super("HTMLModel", "HTMLView", value, "HTMLStyleModel", "background", "font_size", "text_color");
    }
}
