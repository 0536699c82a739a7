package vae.kernel.widgets;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A button (ipywidgets' {@code Button}): {@code new Button("Sample").onClick(b -> display(vae.sample(1, random)))}.
 * The frontend reports a click as a custom message {@code {"event": "click"}}; {@link #click()} does the same from Java.
 */
public final class Button extends DomWidget {
    private final List<Consumer<Button>> handlers = new CopyOnWriteArrayList<>();

    public Button() {
        this("");
    }

    public Button(String description) {
        super("ButtonModel", WidgetProtocol.Module.CONTROLS, "ButtonView");
        trait("description", description == null ? "" : description);
        if (protocol() != WidgetProtocol.V8) {
            trait("tooltip", "");
        }
        trait("disabled", false);
        trait("icon", "");
        trait("button_style", "");
        trait("style", Style.button(protocol()));
    }

    public String description() {
        return (String) get("description");
    }

    /** The button's label. */
    public Button description(String description) {
        set("description", description == null ? "" : description);
        return this;
    }

    /** One of {@code primary}, {@code success}, {@code info}, {@code warning}, {@code danger} or "". */
    public Button buttonStyle(String style) {
        set("button_style", style);
        return this;
    }

    public Button disabled(boolean disabled) {
        set("disabled", disabled);
        return this;
    }

    /** Runs {@code handler} with this button on every click (ipywidgets' {@code on_click}). */
    public Button onClick(Consumer<Button> handler) {
        handlers.add(handler);
        return this;
    }

    public Button onClick(Runnable handler) {
        return onClick(b -> handler.run());
    }

    /** Clicks the button from Java: the handlers run as for a click in the browser. */
    public void click() {
        Observers.runAll(handlers, this);
    }

    @Override
    void onCustom(JsonObject content, List<byte[]> buffers) {
        if (content.has("event") && "click".equals(content.get("event").getAsString())) {
            click();
        }
    }
}
