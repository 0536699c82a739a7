package vae.kernel.session;

import java.util.Map;
import vae.exercise.Verdict;
import vae.exercise.Verdicts;
import vae.kernel.Display;

/**
 * The verdicts of one session's checks: kept for {@code Check.report()}, and each shown under the running cell as a
 * {@link Verdict#MIME_TYPE} bundle beside the text the learner reads, so the grader reads data, not the wording.
 */
final class SessionVerdicts {
    private SessionVerdicts() {}

    /** @param cell the running cell's key, so that a check is one name in one cell */
    static Verdicts create(java.util.function.Supplier<String> cell) {
        return new Verdicts(SessionVerdicts::show, cell);
    }

    private static void show(Verdict verdict) {
        if (CellContext.current() == null) {
            return; // a check run by a thread that outlived its cell: its printed text went to the log, and so does this
        }
        Display.displayBundle(Map.of(Verdict.MIME_TYPE, verdict.toJson()));
    }
}
