package vae;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The language the library speaks to the learner: the checks' feedback and the messages for bad input. English unless a
 * notebook's setup cell says otherwise ({@code Language.use("vi")} in the Vietnamese edition). The messages of each
 * language live in one file, {@code vae/messages.properties} and {@code vae/messages_vi.properties}.
 */
public final class Language {
    /** The languages with a message file, the default first. */
    public static final List<String> SUPPORTED = List.of("en", "vi");
    private static final String BUNDLE = "vae.messages";
    private static volatile String current = "en";

    private Language() {}

    /** From now on the library speaks {@code tag}: "en" or "vi". */
    public static void use(String tag) {
        if (tag == null || !SUPPORTED.contains(tag)) {
            throw new IllegalArgumentException(Language.text("error.language.unknown", tag, SUPPORTED));
        }
        current = tag;
    }

    /** Back to English (a notebook run headless starts here, whatever the last one chose). */
    public static void reset() { current = "en"; }

    /** The language in use, e.g. "vi". */
    public static String current() { return current; }

    /** The message {@code key} in the language in use, its %s / %d filled with {@code args}. */
    public static String text(String key, Object... args) {
        return String.format(Locale.ROOT, pattern(current, key), args);
    }

    /** The raw pattern of {@code key} in {@code tag}, without falling back to another language. */
    public static String pattern(String tag, String key) {
        try {
            return bundle(tag).getString(key);
        } catch (MissingResourceException e) {
            // internal: a key the library's own code names; LanguageTest checks every file has them all
            throw new IllegalStateException("no message '" + key + "' in " + BUNDLE.replace('.', '/') + suffix(tag) + ".properties", e);
        }
    }

    /** Every message of {@code tag}'s file (for the test that each language has them all). */
    public static ResourceBundle bundle(String tag) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(tag), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String suffix(String tag) { return tag.equals("en") ? "" : "_" + tag; }
}
