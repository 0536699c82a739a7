package vae.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A widget's traits, apart from how they travel (traitlets' {@code HasTraits}, which ipywidgets' widgets extend):
 * named values, each declared with its initial value, which is also its default, checked by {@link #validate} before
 * it changes, and announced by {@link #changed} after. {@link Widget} announces a change to the frontend and to the
 * observers.
 */
abstract class HasTraits {
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();

    /** Declares a synced trait and its initial value (also its default, for {@code toString()}). */
    final void trait(String name, Object initial) {
        state.put(name, initial);
        defaults.put(name, initial);
    }

    final synchronized Object get(String name) {
        return state.get(name);
    }

    final synchronized boolean has(String name) {
        return state.containsKey(name);
    }

    /** Stores a value without a check or a word to anyone; returns the old one. */
    final synchronized Object put(String name, Object value) {
        return state.put(name, value);
    }

    /**
     * Sets a trait from Java: {@link #validate} first (a bad value throws, naming it), then, if the value changed,
     * {@link #changed}.
     */
    final void set(String name, Object value) {
        Object v = validate(name, value);
        Object old = put(name, v);
        if (!Objects.equals(old, v)) {
            changed(name, old, v);
        }
    }

    /** Checks (or corrects) a value about to be set; throws {@link IllegalArgumentException} for a bad one. */
    Object validate(String name, Object value) {
        return value;
    }

    /** The trait {@code name} changed from {@code old} to {@code value}. */
    abstract void changed(String name, Object old, Object value);

    /** The names of the traits, in the order they were declared. */
    final synchronized List<String> keys() {
        return new ArrayList<>(state.keySet());
    }

    /** The traits' initial values, by name. */
    final synchronized Map<String, Object> defaults() {
        return defaults;
    }
}
