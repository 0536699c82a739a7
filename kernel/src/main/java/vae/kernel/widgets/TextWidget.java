package vae.kernel.widgets;

/** A widget that shows a string ({@link Label}, {@link HTML}; ipywidgets' {@code _String}). */
public abstract class TextWidget<W extends TextWidget<W>> extends ValueWidget<String, W> {
    TextWidget(String modelName, String viewName, String value, String v8Style, String... v8StyleAttributes) {
        super(modelName, viewName);
        trait("value", value == null ? "" : value);
        trait("placeholder", "\u200b");
        switch (protocol()) {
            case V6 -> trait("disabled", false);
            case V7 -> trait("style", Style.description());
            case V8 -> trait("style", Style.v8(v8Style, v8StyleAttributes));
        }
    }

    @Override
    public String value() {
        return (String) get("value");
    }

    @Override
    public W value(String value) {
        set("value", value == null ? "" : value);
        return self();
    }
}
