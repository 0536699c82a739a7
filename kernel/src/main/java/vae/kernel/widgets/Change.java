package vae.kernel.widgets;

/**
 * One change of a widget's trait, what an observer gets: ipywidgets' {@code change} dict, with {@code change['new']}
 * as {@link #newValue()} ({@code new} is a Java keyword) and {@code change['old']} as {@link #oldValue()}.
 */
public record Change<T>(String name, T oldValue, T newValue, Widget owner) {
}
