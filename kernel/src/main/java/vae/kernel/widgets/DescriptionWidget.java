package vae.kernel.widgets;

/**
 * A control with a description beside it ({@code description}, ipywidgets' {@code DescriptionWidget}, 6.0's
 * {@code LabeledWidget}). {@code W} is the control's own class, so a chain of settings keeps it:
 * {@code var z = new FloatSlider(0, -3, 3).description("z");} is a FloatSlider.
 */
public abstract class DescriptionWidget<W extends DescriptionWidget<W>> extends DomWidget {
    DescriptionWidget(String modelName, String viewName) {
        super(modelName, WidgetProtocol.Module.CONTROLS, viewName);
        trait("description", "");
        switch (protocol()) {
            case V7 -> trait("description_tooltip", null);
            case V8 -> trait("description_allow_html", false);
            default -> { }
        }
    }

    @SuppressWarnings("unchecked")
    final W self() {
        return (W) this;
    }

    /** The text beside the control, e.g. "μ" or "z₁". */
    public W description(String description) {
        set("description", description == null ? "" : description);
        return self();
    }

    public String description() {
        return (String) get("description");
    }

    /** The control's style ({@link Style}); null for controls that have none in this protocol. */
    public Style style() {
        return has("style") ? (Style) get("style") : null;
    }
}
