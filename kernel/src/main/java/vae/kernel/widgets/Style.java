package vae.kernel.widgets;

/**
 * The style model a control comes with ({@code SliderStyleModel}, {@code ButtonStyleModel}, ...): colours, widths,
 * fonts. Which style a control has, and its attributes, depend on the protocol, as in ipywidgets 6, 7 and 8.
 */
public final class Style extends Widget {
    private Style(String modelName) {
        super(modelName, WidgetProtocol.Module.CONTROLS, "StyleView", WidgetProtocol.Module.BASE);
    }

    /** Sets a style attribute by its ipywidgets name, e.g. {@code handle_color} or {@code description_width}. */
    public Style set(String attribute, String value) {
        if (!has(attribute) || attribute.startsWith("_")) {
            throw new IllegalArgumentException(get("_model_name") + " has no attribute \"" + attribute + "\" in " + protocol()
                    + "; it has " + keys().stream().filter(k -> !k.startsWith("_")).toList());
        }
        super.set(attribute, value);
        return this;
    }

    static Style slider(WidgetProtocol p) {
        Style s = new Style("SliderStyleModel");
        if (p != WidgetProtocol.V6) {
            s.trait("description_width", "");
        }
        s.trait("handle_color", null);
        return s;
    }

    static Style button(WidgetProtocol p) {
        Style s = new Style("ButtonStyleModel");
        s.trait("button_color", null);
        if (p == WidgetProtocol.V8) {
            for (String a : new String[] {"font_family", "font_size", "font_style", "font_variant", "font_weight",
                    "text_color", "text_decoration"}) {
                s.trait(a, null);
            }
        } else {
            s.trait("font_weight", "");
        }
        return s;
    }

    /** {@code DescriptionStyleModel}: how wide a control's description is. Not in V6. */
    static Style description() {
        Style s = new Style("DescriptionStyleModel");
        s.trait("description_width", "");
        return s;
    }

    static Style toggleButtons() {
        Style s = new Style("ToggleButtonsStyleModel");
        s.trait("button_width", "");
        s.trait("description_width", "");
        s.trait("font_weight", "");
        return s;
    }

    /** V8's {@code CheckboxStyleModel}, {@code LabelStyleModel} and {@code HTMLStyleModel}; V7 has the description style. */
    static Style v8(String modelName, String... nullAttributes) {
        Style s = new Style(modelName);
        s.trait("description_width", "");
        for (String a : nullAttributes) {
            s.trait(a, null);
        }
        return s;
    }
}
