package vae.lecturer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vae.exercise.Verdict;
import vae.kernel.notebook.Notebook;
import vae.kernel.runner.NotebookRunner;
import vae.Language;

/**
 * The score of each check of one executed submission, read from the verdicts its checks gave as data
 * ({@link Verdict#MIME_TYPE} outputs) and from its error outputs, never from the wording the learner reads. A check
 * scores its points when it ran without an error and every verdict it gave passed; with partial credit, a share of them
 * per passing check in its cell.
 */
final class Scoring {
    private final GradingSettings settings;

    Scoring(GradingSettings settings) {
        this.settings = settings;
    }

    /** Every check of {@code source}, scored in {@code executed}; {@code notes} adds what was noticed per check. */
    List<Grader.Score> score(String learner, String notebook, Notebook source, Notebook executed, GradingRun.Result run, Map<String, String> notes) {
        List<Grader.Score> scores = new ArrayList<>();
        for (JsonObject original : source.cells()) {
            if (!Nbgrader.isCheck(original)) continue;
            String id = Nbgrader.gradeId(original);
            double max = maxPoints(original);
            JsonObject cell = OriginalChecks.find(executed, id);
            boolean ran = cell != null && cell.has("execution_count") && !cell.get("execution_count").isJsonNull();
            Why why = ran ? reason(cell, executed, id) : new Why(run.stopped() != null || run.timedOut() ? Miss.STOPPED : Miss.ERROR, notRun(run));
            boolean passed = ran && why == null;
            double points = passed ? max : 0;
            String reason = passed ? verdicts(cell).get(0).message() : why.text();
            if (!passed && ran && partialCredit(original)) {
                // A share per passing check: the checks of a cell run in order and the first that fails ends the cell.
                long ok = verdicts(cell).stream().filter(v -> v.answered() && v.passed()).count();
                long of = Math.max(checksIn(original), verdicts(cell).size());
                if (ok > 0) {
                    points = Late.round(max * ok / of);
                    reason += Language.text("grade.partialCredit", ok, of);
                }
            }
            if (notes.containsKey(id)) reason += " [" + notes.get(id) + "]";
            Verdict wrong = ran ? verdicts(cell).stream().filter(v -> v.answered() && !v.passed()).findFirst().orElse(null) : null;
            Grader.Score score = new Grader.Score(learner, notebook, id, points, max, reason).withMiss(passed ? null : why.miss());
            scores.add(wrong == null ? score : score.withAnswers(wrong.expected(), wrong.got()));
        }
        return scores;
    }

    static final java.util.regex.Pattern CHECK_CALL = java.util.regex.Pattern.compile("\\bCheck\\.(closeTo|hasShape|equal|isTrue)\\s*\\(");

    /** Whether a check gives a share of its points per passing check: grading.json's partialCredit, or the cell's metadata. */
    boolean partialCredit(JsonObject checkCell) {
        if (settings.partialCredit().contains("*") || settings.partialCredit().contains(Nbgrader.gradeId(checkCell))) return true;
        JsonObject meta = checkCell.has("metadata") ? checkCell.getAsJsonObject("metadata") : null;
        JsonObject vae = meta != null && meta.has("vae") && meta.get("vae").isJsonObject() ? meta.getAsJsonObject("vae") : null;
        return vae != null && vae.has("partial_credit") && vae.get("partial_credit").getAsBoolean();
    }

    /** How many checks the original cell holds, hidden ones included: its {@code Check.closeTo(…)}, {@code Check.equal(…)}, … calls. */
    static long checksIn(JsonObject checkCell) {
        return CHECK_CALL.matcher(Notebook.source(checkCell)).results().count();
    }

    /** A check's points: grading.json's, else its cell's nbgrader points. */
    double maxPoints(JsonObject checkCell) {
        return settings.points().getOrDefault(Nbgrader.gradeId(checkCell), Nbgrader.points(checkCell));
    }

    String notRun(GradingRun.Result run) {
        if (run.stopped() != null) return Language.text("grade.notRun", run.stopped());
        return run.timedOut() ? Language.text("grade.notebookTimedOut", settings.notebookTimeoutSeconds())
                : Language.text(run.exitCode() == 0 ? "grade.stoppedBefore" : "grade.stoppedBeforeCrash", run.exitCode());
    }

    /** Why a check scored less than its points: the kind, and the sentence the learner reads. */
    private record Why(Miss miss, String text) {}

    /** Why a check that ran scores 0, or null when it passed. */
    private Why reason(JsonObject cell, Notebook executed, String id) {
        List<Notebook.Error> errors = Notebook.errors(cell);
        List<Verdict> verdicts = verdicts(cell);
        if (timedOut(errors)) return new Why(Miss.STOPPED, Language.text("grade.checkTimedOut", settings.cellTimeoutSeconds()));
        for (Verdict v : verdicts) if (v.answered() && !v.passed()) return new Why(Miss.WRONG, v.message());
        boolean unanswered = verdicts.stream().anyMatch(v -> !v.answered());
        if (!errors.isEmpty() || unanswered) {
            // The cause, not its consequence: an answer cell stopped at its time limit leaves its variables undeclared, and
            // the check after it says "cannot find symbol"; the learner needs to hear about the loop, not the symbol.
            Why cause = cause(executed, cell, id, verdicts.isEmpty() && !errors.isEmpty());
            if (cause != null) return cause;
            if (!errors.isEmpty()) return new Why(Miss.ERROR, describe(errors.get(0)));
            return new Why(Miss.NOT_ANSWERED, Language.text("grade.notAnswered"));
        }
        if (verdicts.isEmpty()) return new Why(Miss.ERROR, Language.text("grade.noVerdict", Notebook.outputText(cell).strip()));
        return null;
    }

    /**
     * Why a check failed when the failure began before it: its answer cell was stopped or failed, or (for a check that
     * could not even run, {@code orEarlier}) another cell before it was stopped at its time limit. Null when none was.
     */
    private Why cause(Notebook executed, JsonObject check, String checkId, boolean orEarlier) {
        int limit = settings.cellTimeoutSeconds();
        JsonObject answer = OriginalChecks.find(executed, OriginalChecks.answerId(checkId));
        List<Notebook.Error> answerErrors = answer == null ? List.of() : Notebook.errors(answer);
        if (timedOut(answerErrors)) return new Why(Miss.STOPPED, ReportWords.text("reason.answerStopped", limit));
        if (orEarlier) {
            JsonObject stopped = null;
            int number = 0, stoppedNumber = 0;
            for (JsonObject c : executed.cells()) {
                if (c == check) break;
                if (!"code".equals(c.get("cell_type").getAsString())) continue;
                number++;
                if (timedOut(Notebook.errors(c))) { stopped = c; stoppedNumber = number; }
            }
            if (stopped != null) {
                String which = Nbgrader.gradeId(stopped) != null ? ReportWords.text("cell.answer", Nbgrader.gradeId(stopped))
                        : ReportWords.text("cell.numbered", stoppedNumber);
                return new Why(Miss.STOPPED, ReportWords.text("reason.cellStopped", which, limit));
            }
        }
        return answerErrors.isEmpty() ? null : new Why(Miss.ERROR, ReportWords.text("reason.answerFailed", answerErrors.get(0)));
    }

    /** The verdicts a cell's checks gave, in order; a bundle that is no verdict is no verdict. */
    static List<Verdict> verdicts(JsonObject cell) {
        List<Verdict> verdicts = new ArrayList<>();
        for (JsonElement data : Notebook.data(cell, Verdict.MIME_TYPE)) {
            try {
                verdicts.add(Verdict.fromJson(data));
            } catch (IllegalArgumentException notAVerdict) {
                // not written by a check: it proves nothing either way
            }
        }
        return verdicts;
    }

    private static boolean timedOut(List<Notebook.Error> errors) {
        return errors.stream().anyMatch(e -> e.ename().equals(NotebookRunner.TIMED_OUT));
    }

    /** An AssertionError not thrown by a Check (a check cell's own) says its message alone, as a Check's would. */
    private static String describe(Notebook.Error error) {
        return error.ename().endsWith("AssertionError") ? error.evalue() : error.toString();
    }
}
