package vae.kernel.widgets;

/** A tick box (ipywidgets' {@code Checkbox}): {@code new Checkbox(true).description("show the prior")}. */
public final class Checkbox extends ValueWidget<Boolean, Checkbox> {
    public Checkbox() {
        this(false);
    }

    public Checkbox(boolean value) {
        super("CheckboxModel", "CheckboxView");
        trait("value", value);
        trait("disabled", false);
        if (protocol() != WidgetProtocol.V6) {
            trait("indent", true);
            trait("style", protocol() == WidgetProtocol.V8 ? Style.v8("CheckboxStyleModel", "background") : Style.description());
        }
    }

    @Override
    public Boolean value() {
        return (Boolean) get("value");
    }

    @Override
    public Checkbox value(Boolean value) {
        if (value == null) {
            throw new IllegalArgumentException(Bounds.name(this) + ": the value must be true or false, not null");
        }
        set("value", value);
        return this;
    }

    public Checkbox disabled(boolean disabled) {
        set("disabled", disabled);
        return this;
    }
}
