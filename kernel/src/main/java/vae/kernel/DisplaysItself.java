package vae.kernel;

/**
 * A value that shows itself rather than through a renderer: a widget opens its comms and sends its view (and, for
 * frontends without a widget manager, its picture). {@link Display#display} and a cell that ends with such a value
 * call it, the way IPython calls {@code _ipython_display_}.
 */
public interface DisplaysItself {
    /** Shows this value under the running cell as {@code display_data} and returns the display's id. */
    DisplayId displayItself();
}
