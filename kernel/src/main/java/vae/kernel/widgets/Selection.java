package vae.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A choice of one of several options, each shown by its label (ipywidgets' {@code _Selection}). Only labels travel:
 * V7/V8 sync the chosen {@code index}, V6 the chosen label as {@code value}; observers of {@code "value"} see the
 * options themselves.
 */
public abstract class Selection<T, W extends Selection<T, W>> extends ValueWidget<T, W> {
    private final List<String> labels;
    private final List<T> options;
    private final String synced;
    private int index;

    Selection(String modelName, String viewName, Map<String, T> labelled) {
        super(modelName, viewName);
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs at least one option");
        }
        this.labels = List.copyOf(labelled.keySet());
        this.options = new ArrayList<>(labelled.values());
        this.synced = protocol() == WidgetProtocol.V6 ? "value" : "index";
        trait("_options_labels", labels);
        trait(synced, 0);
        trait("disabled", false);
    }

    /** Options labelled by their {@code toString()}, in order. */
    static <T> Map<String, T> labelled(List<T> options) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T o : options) {
            if (m.put(String.valueOf(o), o) != null) {
                throw new IllegalArgumentException("Two options have the label \"" + o + "\"; labels must differ: pass a"
                        + " Map of label to option instead");
            }
        }
        return m;
    }

    /** The chosen option. */
    @Override
    public T value() {
        return options.get(index);
    }

    /** Chooses {@code option}, which must be one of the options. */
    @Override
    public W value(T option) {
        int i = options.indexOf(option);
        if (i < 0) {
            throw new IllegalArgumentException(Bounds.name(this) + ": " + option + " is not one of the options " + labels);
        }
        select(i, false);
        return self();
    }

    public int index() {
        return index;
    }

    public W index(int i) {
        select(i, false);
        return self();
    }

    public List<String> labels() {
        return labels;
    }

    private void select(int i, boolean fromFrontend) {
        if (i < 0 || i >= options.size()) {
            throw new IllegalArgumentException(Bounds.name(this) + ": index " + i + " is not between 0 and "
                    + (options.size() - 1) + " (the options are " + labels + ")");
        }
        T old;
        synchronized (this) {
            old = options.get(index);
            index = i;
            put(synced, i);
        }
        if (!fromFrontend) {
            sync(List.of(synced), false);
        }
        if (old != options.get(i)) {
            fire("value", old, options.get(i));
        }
    }

    @Override
    JsonElement toJson(String name, Object value) {
        return name.equals("value") && synced.equals("value") ? new JsonPrimitive(labels.get((Integer) value)) : super.toJson(name, value);
    }

    @Override
    Object fromJson(String name, JsonElement json, byte[] buffer) {
        if (name.equals(synced)) {
            int i = synced.equals("value") ? labels.indexOf(json.getAsString()) : json.getAsInt();
            if (i < 0) {
                throw new IllegalArgumentException(Bounds.name(this) + ": the frontend chose " + json + ", not one of " + labels);
            }
            return i;
        }
        return super.fromJson(name, json, buffer);
    }

    @Override
    void setFromFrontend(String name, Object value) {
        if (name.equals(synced)) {
            select((Integer) value, true);
        } else {
            super.setFromFrontend(name, value);
        }
    }

    @Override
    public String toString() {
        String d = description();
        return getClass().getSimpleName() + "(value=" + WidgetView.format(String.valueOf(value())) + ", options=" + labels
                + (d.isEmpty() ? "" : ", description=" + WidgetView.format(d)) + ")";
    }
}
