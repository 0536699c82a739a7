package vae.lecturer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import vae.kernel.notebook.Notebook;
import vae.Language;

/**
 * A submission with every check cell replaced by the original (hidden tests included), so a learner's edit cannot
 * change what is checked. An edited check is noticed (it differs from the learner version's) and a deleted one is put
 * back after its answer cell.
 */
final class OriginalChecks {
    private OriginalChecks() {}

    /** The submission prepared for grading; {@code notes} gets a note per check that was edited or deleted. */
    static Notebook put(Notebook submitted, Notebook source, Map<String, String> notes) {
        Notebook prepared = submitted.copy();
        JsonArray cells = prepared.cellArray();
        for (JsonObject original : source.cells()) {
            if (!Nbgrader.isCheck(original)) continue;
            String id = Nbgrader.gradeId(original);
            String expected = LearnerVersions.stripHiddenTests(Notebook.source(original));
            int at = indexOf(cells, id);
            JsonObject replacement = original.deepCopy();
            replacement.add("outputs", new JsonArray());
            if (at >= 0) {
                if (!Notebook.source(cells.get(at).getAsJsonObject()).strip().equals(expected.strip())) {
                    notes.put(id, Language.text("grade.checkEdited"));
                }
                cells.set(at, replacement);
            } else {
                notes.put(id, Language.text("grade.checkDeleted"));
                int answer = indexOf(cells, answerId(id));
                if (answer >= 0) insert(cells, answer + 1, replacement); else cells.add(replacement);
            }
        }
        return prepared;
    }

    /** The answer cell a check belongs to: {@code 03-sigma-check} checks {@code 03-sigma}. */
    static String answerId(String checkId) {
        return checkId.replaceFirst("-check$", "");
    }

    static JsonObject find(Notebook nb, String gradeId) {
        for (JsonObject c : nb.cells()) if (gradeId.equals(Nbgrader.gradeId(c))) return c;
        return null;
    }

    private static int indexOf(JsonArray cells, String gradeId) {
        for (int i = 0; i < cells.size(); i++) if (gradeId.equals(Nbgrader.gradeId(cells.get(i).getAsJsonObject()))) return i;
        return -1;
    }

    private static void insert(JsonArray cells, int at, JsonObject cell) {
        JsonArray copy = new JsonArray();
        for (int i = 0; i < cells.size(); i++) { if (i == at) copy.add(cell); copy.add(cells.get(i)); }
        if (at >= cells.size()) copy.add(cell);
        while (cells.size() > 0) cells.remove(0);
        cells.addAll(copy);
    }
}
