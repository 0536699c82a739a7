package vae.lecturer;

/**
 * Why a check scored less than its points, as the report colours it and the learner's page says it: the kinds of zero a
 * lecturer tells apart at a glance. The sentence that explains one case stays in the score's feedback.
 */
public enum Miss {
    /** The answer cell still holds its stub, or left the answer unset. */
    NOT_ANSWERED,
    /** The check ran and the answer is wrong (with partial credit, some of its checks passed). */
    WRONG,
    /** A time or resource limit stopped the answer cell, or a cell before the check, or the whole run. */
    STOPPED,
    /** An exception or a compile error, a file that is no notebook, or a run that could not be graded. */
    ERROR;

    /** The word a table cell shows, in the report's language ("not answered", "chưa trả lời"). */
    public String word() { return ReportWords.text("miss." + css()); }

    /** The class of its table cell ("not-answered"), also the end of its message key. */
    public String css() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
