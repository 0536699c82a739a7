package vae.lecturer;

import java.util.List;
import java.util.Map;
import vae.kernel.notebook.Notebook;

/** Which assignment notebook a submitted file belongs to, by the check ids they share (moved out of {@link Grader}). */
final class Assignments {
    private Assignments() {}

    /** The assignment notebook a submission belongs to: the one sharing most check ids, else the one of the same file name. */
    static String match(Map<String, Notebook> sources, String fileName, Notebook submitted) {
        String best = null;
        long bestShared = 0;
        for (Map.Entry<String, Notebook> s : sources.entrySet()) {
            List<String> ids = checkIds(s.getValue());
            long shared = submitted.cells().stream().map(Nbgrader::gradeId).filter(ids::contains).count();
            if (shared > bestShared) { bestShared = shared; best = s.getKey(); }
        }
        if (best != null) return best;
        return sources.containsKey(fileName) && submitted.cells().stream().noneMatch(c -> Nbgrader.gradeId(c) != null) ? fileName : null;
    }

    /** The grade_ids of {@code nb}'s check cells, in order. */
    static List<String> checkIds(Notebook nb) {
        return nb.cells().stream().filter(Nbgrader::isCheck).map(Nbgrader::gradeId).toList();
    }
}
