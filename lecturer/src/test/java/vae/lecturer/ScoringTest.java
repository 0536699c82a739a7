package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vae.kernel.notebook.Notebook;

/** A check that fails because of an earlier cell gives that cell's failure as its reason, not the error it caused (issue 25). */
class ScoringTest {
    static final Scoring SCORING = new Scoring(new GradingSettings(120, 900, 512, List.of(), Map.of()));
    static final String TIMEOUT = "{\"output_type\": \"error\", \"ename\": \"CellTimeout\", \"evalue\": \"the cell ran longer than its limit of 120 s and was stopped\", \"traceback\": []}";
    static final String NO_SYMBOL = "{\"output_type\": \"error\", \"ename\": \"CompileError\", \"evalue\": \"line 3: cannot find symbol\", \"traceback\": []}";
    static final String OOPS = "{\"output_type\": \"error\", \"ename\": \"java.lang.IllegalStateException\", \"evalue\": \"oops\", \"traceback\": []}";

    static JsonObject cell(String gradeId, boolean check, String... outputs) {
        String nbgrader = gradeId == null ? "{}" : "{\"nbgrader\": {\"grade_id\": \"" + gradeId + "\", " + (check ? "\"grade\": true, \"points\": 1" : "\"solution\": true, \"grade\": false") + "}}";
        return JsonParser.parseString("{\"cell_type\": \"code\", \"id\": \"c" + Math.abs((gradeId + check).hashCode()) + "\", \"metadata\": " + nbgrader
                + ", \"source\": \"\", \"execution_count\": 1, \"outputs\": [" + String.join(",", outputs) + "]}").getAsJsonObject();
    }

    static Notebook notebook(JsonObject... cells) {
        JsonArray array = new JsonArray();
        for (JsonObject c : cells) array.add(c);
        JsonObject nb = JsonParser.parseString("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}").getAsJsonObject();
        nb.add("cells", array);
        return new Notebook(nb);
    }

    static Grader.Score scoreOf(Notebook executed) {
        Notebook source = notebook(cell(null, false), cell("03-sigma", false), cell("03-sigma-check", true));
        return SCORING.score("ana", "03.ipynb", source, executed, new GradingRun.Result(0, false, ""), Map.of()).get(0);
    }

    @Test
    void anAnswerCellStoppedAtItsLimitIsTheReasonNotTheCompileErrorAfterIt() {
        Grader.Score s = scoreOf(notebook(cell(null, false), cell("03-sigma", false, TIMEOUT), cell("03-sigma-check", true, NO_SYMBOL)));
        assertEquals(Miss.STOPPED, s.miss());
        assertEquals("your answer cell was stopped after 120 s", s.feedback());
    }

    @Test
    void anEarlierCellStoppedAtItsLimitIsNamedWhenTheCheckCouldNotRun() {
        Grader.Score s = scoreOf(notebook(cell(null, false, TIMEOUT), cell("03-sigma", false), cell("03-sigma-check", true, NO_SYMBOL)));
        assertEquals(Miss.STOPPED, s.miss());
        assertEquals("code cell 1, before this check, was stopped after 120 s, so the check could not use its result", s.feedback());
    }

    @Test
    void aFailedAnswerCellIsTheReasonAndAnErrorAloneIsAnError() {
        Grader.Score failed = scoreOf(notebook(cell(null, false), cell("03-sigma", false, OOPS), cell("03-sigma-check", true, NO_SYMBOL)));
        assertEquals(Miss.ERROR, failed.miss());
        assertEquals("your answer cell failed: java.lang.IllegalStateException: oops", failed.feedback());
        Grader.Score alone = scoreOf(notebook(cell(null, false), cell("03-sigma", false), cell("03-sigma-check", true, NO_SYMBOL)));
        assertEquals(Miss.ERROR, alone.miss());
        assertEquals("CompileError: line 3: cannot find symbol", alone.feedback());
    }

    @Test
    void aCheckNotReachedIsStoppedWhenTheRunWasStopped() {
        Notebook source = notebook(cell("03-sigma", false), cell("03-sigma-check", true));
        Notebook executed = notebook(cell("03-sigma", false), cell("03-sigma-check", true));
        executed.cells().get(1).add("execution_count", com.google.gson.JsonNull.INSTANCE);
        Grader.Score s = SCORING.score("ana", "03.ipynb", source, executed, new GradingRun.Result(-1, true, ""), Map.of()).get(0);
        assertEquals(Miss.STOPPED, s.miss());
        assertEquals("not run: the whole notebook ran past its limit of 900 s", s.feedback());
    }
}
