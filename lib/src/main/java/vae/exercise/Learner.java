package vae.exercise;

import vae.runtime.EnvironmentNames;
import vae.Language;

/**
 * Who the learner is, for exercises whose numbers differ per learner ({@link Variant}). The first that is set wins:
 * {@code VAE_LEARNER} (a system property, else an environment variable: the grader sets it for each submission, so its
 * grades match what the learner saw; set but empty, the book's own numbers), {@code JUPYTERHUB_USER} (the hub puts the login in every kernel's environment),
 * the name given once in the setup cell with {@link #name(String)}, else nobody: the book's own numbers, the same for
 * everyone (self-study and the tests).
 */
public final class Learner {
    private static volatile String named;

    private Learner() {}

    /**
     * Sets this kernel's learner (a lecturer's class off the hub: each learner writes their own name or login, once, in
     * the setup cell) and says whose numbers the exercises will use; on the hub the login wins.
     */
    public static String name(String name) {
        named = name == null || name.isBlank() ? null : name.strip();
        String who = current();
        return who == null ? Language.text("learner.none") : Language.text("learner.is", who);
    }

    /** The learner whose numbers the exercises use, or null for the book's own numbers. */
    public static String current() {
        String set = System.getProperty(EnvironmentNames.VAE_LEARNER, System.getenv(EnvironmentNames.VAE_LEARNER));
        if (set != null) return set.isBlank() ? null : set.strip();   // the grader's "" is the book's own numbers
        String hub = System.getenv(EnvironmentNames.JUPYTERHUB_USER);
        if (hub != null && !hub.isBlank()) return hub.strip();
        return named;
    }
}
