package vae.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The verdicts of one session: the latest of each check, in the order the checks first ran, for {@link Check#report()};
 * and each verdict shown as data as it comes. A plain JVM keeps one; the kernel's session installs its own with
 * {@link Check#use}, which shows every verdict as a {@link Verdict#MIME_TYPE} bundle under the running cell.
 */
public final class Verdicts {
    private final Map<String, Verdict> latest = new LinkedHashMap<>();
    /** Each check's expected answer, by name, for {@link Check#reveal(String)}: kept here, never shown as data. */
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Consumer<Verdict> show;
    private final Supplier<String> cell;

    /** Verdicts only kept, not shown (a JVM without a notebook: the text the learner reads is all there is). */
    public Verdicts() {
        this(v -> { });
    }

    /** @param show called with each verdict, after its text was printed (or before its AssertionError is thrown) */
    public Verdicts(Consumer<Verdict> show) {
        this(show, () -> "");
    }

    /**
     * @param cell which cell is running (e.g. its code's hash): a check is one name in one cell, so two exercises that
     *             name their checks alike still count twice, and a cell run again replaces its own verdicts
     */
    public Verdicts(Consumer<Verdict> show, Supplier<String> cell) {
        this.show = show;
        this.cell = cell;
    }

    void add(Verdict verdict) {
        synchronized (this) {
            latest.put(cell.get() + '\u0000' + verdict.name(), verdict);   // a check run again keeps its first place
        }
        show.accept(verdict);
    }

    synchronized void remember(String name, String expected) {
        if (expected != null) answers.put(name, expected);
    }

    /** The expected answer of the check {@code name} as last run, or null if none has run. */
    synchronized String answer(String name) {
        return answers.get(name);
    }

    /** The latest verdict of every check run so far. */
    public synchronized List<Verdict> latest() {
        return List.copyOf(latest.values());
    }

    synchronized void clear() {
        latest.clear();
        answers.clear();
    }
}
