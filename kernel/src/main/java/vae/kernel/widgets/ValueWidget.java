package vae.kernel.widgets;

import java.util.function.Consumer;

/**
 * A control that holds a value of type {@code T} which the learner changes: what {@code interact} reads, and what
 * {@code observe("value", change -> …)} watches (ipywidgets' {@code ValueWidget}).
 */
public abstract class ValueWidget<T, W extends ValueWidget<T, W>> extends DescriptionWidget<W> {
    ValueWidget(String modelName, String viewName) {
        super(modelName, viewName);
    }

    /** The current value. */
    public abstract T value();

    /** Sets the value; a value the control cannot hold is an {@link IllegalArgumentException} that says why. */
    public abstract W value(T value);

    /**
     * Calls {@code handler} with every change of {@code "value"} (from the frontend or from Java), after the frontend
     * has been told; {@code change.newValue()} is the new value, typed. Other traits: {@link #observeTrait}.
     */
    @SuppressWarnings("unchecked")
    public W observe(String name, Consumer<Change<T>> handler) {
        if (!"value".equals(name)) {
            throw new IllegalArgumentException("observe(\"" + name + "\", …) watches the value; to watch \"" + name
                    + "\", use observeTrait(\"" + name + "\", change -> …)");
        }
        observeTrait("value", c -> handler.accept((Change<T>) (Change<?>) c));
        return self();
    }

    /** Same as {@code observe("value", handler)}. */
    public W observe(Consumer<Change<T>> handler) {
        return observe("value", handler);
    }
}
