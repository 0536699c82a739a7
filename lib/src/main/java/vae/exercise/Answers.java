package vae.exercise;

import java.util.Locale;
import vae.runtime.EnvironmentNames;
import vae.Language;

/**
 * Who may see an exercise's expected answer. A ✘ never prints it (a learner who types 0 would read the answer off the
 * message); a learner asks for it with {@link Check#reveal(String)}. {@code VAE_ANSWERS} chooses, per kernel:
 * {@code ask} (the default: revealed on request), {@code hidden} (graded work: a lecturer sets it on the hub or in the
 * kernelspec, and {@code reveal} refuses) or {@code grader} (the grader's own runs: hidden from the learner's text, but
 * kept in each verdict's data so the lecturer's report shows expected and got).
 */
public enum Answers {
    ASK, HIDDEN, GRADER;

    /** The setting of this JVM: {@code VAE_ANSWERS} as a system property, else as an environment variable, else ask. */
    public static Answers current() {
        String value = System.getProperty(EnvironmentNames.VAE_ANSWERS, System.getenv(EnvironmentNames.VAE_ANSWERS));
        if (value == null || value.isBlank()) return ASK;
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Language.text("error.answers.setting", EnvironmentNames.VAE_ANSWERS, value));
        }
    }

    /** The value of {@code VAE_ANSWERS} that chooses this setting. */
    public String setting() { return name().toLowerCase(Locale.ROOT); }

    /** Whether {@link Check#reveal(String)} shows the answer. */
    public boolean revealable() { return this == ASK; }

    /** Whether a failed check's verdict carries the expected value as data (for the lecturer's report only). */
    public boolean expectedInFailedVerdicts() { return this == GRADER; }
}
