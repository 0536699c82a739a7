package vae;

import vae.runtime.EnvironmentNames;

/**
 * The slow settings of the lessons, in one place that tests and CI shrink, as d2l-java does:
 * {@code MAX_EPOCH} caps every epoch count and {@code DATASET_LIMIT} every image count.
 */
public final class Settings {
    private Settings() {}

    /** The epochs a lesson asks for, or fewer when {@code MAX_EPOCH} is set lower. */
    public static int epochs(int wanted) {
        return Math.min(wanted, fromEnvironment(EnvironmentNames.MAX_EPOCH, wanted));
    }

    /** The number of images a lesson asks for, or fewer when {@code DATASET_LIMIT} is set lower. */
    public static int images(int wanted) {
        return Math.min(wanted, fromEnvironment(EnvironmentNames.DATASET_LIMIT, wanted));
    }

    private static int fromEnvironment(String name, int fallback) {
        String value = System.getProperty(name, System.getenv(name));
        if (value == null || value.isBlank()) return fallback;
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1) throw new NumberFormatException();
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Language.text("error.settings.notWholeNumber", name, value));
        }
    }
}
