package vae.kernel.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.TestSessions;

class NotebookRunnerTest {

    /** A notebook: markdown, a value, printed text with a chart, a failing cell, and a cell after it. */
    static String notebook() {
        return """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "vae-java"}},
                 "cells": [
                  {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Title"},
                  {"cell_type": "code", "id": "c1", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": ["int runnerA = 40;\\n", "runnerA + 2"]},
                  {"cell_type": "code", "id": "c2", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": "System.out.println(\\"drawing\\");\\nvar c = new org.knowm.xchart.XYChartBuilder().width(200).height(100).build();\\nc.addSeries(\\"s\\", new double[]{0, 1}, new double[]{0, 1});\\ndisplay(c);"},
                  {"cell_type": "code", "id": "c3", "metadata": {}, "outputs": [], "execution_count": null,
                   "source": "int broken = 1 / 0;"},
                  {"cell_type": "code", "id": "c4", "metadata": {}, "outputs": [{"output_type": "stream", "name": "stdout", "text": "stale"}],
                   "execution_count": 7, "source": "runnerA"}
                 ]}""";
    }

    private static JsonArray cells(Path p) throws Exception {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject().getAsJsonArray("cells");
    }

    @Test
    void writesOutputsAndImagesAndStopsAtTheFirstError(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("nb.ipynb");
        Files.writeString(in, notebook());
        Path out = dir.resolve("out/nb.ipynb");
        NotebookRunner.Report report = new NotebookRunner(TestSessions.shared()).run(in, out, false);

        assertFalse(report.ok());
        assertEquals("In [3]: java.lang.ArithmeticException: / by zero", report.firstError());
        JsonArray cells = cells(out);
        JsonObject value = cells.get(1).getAsJsonObject();
        assertEquals(1, value.get("execution_count").getAsInt());
        JsonObject result = value.getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());

        JsonArray chartOutputs = cells.get(2).getAsJsonObject().getAsJsonArray("outputs");
        assertEquals("drawing\n", chartOutputs.get(0).getAsJsonObject().get("text").getAsString());
        String png = chartOutputs.get(1).getAsJsonObject().getAsJsonObject("data").get("image/png").getAsString();
        assertTrue(png.startsWith("iVBORw0KGgo"), "a base64 PNG");

        JsonObject error = cells.get(3).getAsJsonObject().getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("java.lang.ArithmeticException", error.get("ename").getAsString());

        JsonObject skipped = cells.get(4).getAsJsonObject();
        assertTrue(skipped.get("execution_count").isJsonNull());
        assertEquals(0, skipped.getAsJsonArray("outputs").size(), "stale outputs are cleared");
        assertEquals("m1", cells.get(0).getAsJsonObject().get("id").getAsString());
    }

    @Test
    void keepGoingRunsTheCellsAfterAnError(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("nb.ipynb");
        Files.writeString(in, notebook());
        NotebookRunner.Report report = new NotebookRunner(TestSessions.shared()).run(in, in, true);
        assertFalse(report.ok());
        assertEquals(4, report.cellsRun());
        JsonObject last = cells(in).get(4).getAsJsonObject();
        assertEquals(4, last.get("execution_count").getAsInt());
        assertEquals("40", last.getAsJsonArray("outputs").get(0).getAsJsonObject()
                .getAsJsonObject("data").get("text/plain").getAsString());
    }

    /** A notebook of code cells with these sources. */
    static vae.kernel.notebook.Notebook codeCells(String... sources) {
        JsonArray cells = new JsonArray();
        for (String source : sources) {
            JsonObject cell = JsonParser.parseString("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}").getAsJsonObject();
            vae.kernel.notebook.Notebook.setSource(cell, source);
            cells.add(cell);
        }
        JsonObject nb = JsonParser.parseString("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}").getAsJsonObject();
        nb.add("cells", cells);
        return new vae.kernel.notebook.Notebook(nb);
    }

    @Test
    void aCellPastItsTimeLimitEndsWithCellTimeoutAndTheNextCellsStillRun() {
        var nb = codeCells("int beforeLoop = 1;", "while (true) { }", "int afterLoop = 7;\nafterLoop");
        java.util.List<Integer> after = new java.util.ArrayList<>();
        NotebookRunner.Report report = new NotebookRunner(TestSessions.shared()).keepGoing(true).cellTimeout(java.time.Duration.ofSeconds(1))
                .afterEachCell((n, cell) -> after.add(cell.get("execution_count").getAsInt())).run(nb);
        assertEquals(3, report.cellsRun());
        assertEquals("In [2]: " + NotebookRunner.TIMED_OUT, report.firstError());
        assertEquals(java.util.List.of(1, 2, 3), after, "the hook hears of every cell, in order");
        var errors = vae.kernel.notebook.Notebook.errors(nb.cells().get(1));
        assertEquals(new vae.kernel.notebook.Notebook.Error(NotebookRunner.TIMED_OUT, "the cell ran longer than its limit of 1 s and was stopped"),
                errors.get(errors.size() - 1));
        assertEquals("7", vae.kernel.notebook.Notebook.outputText(nb.cells().get(2)).strip());
    }

    @Test
    void aChecksVerdictIsStoredAsJsonBesideItsText() {
        var nb = codeCells("vae.exercise.Check.equal(\"answer\", 42, 42, \"the answer\", null);");
        new NotebookRunner(TestSessions.shared()).run(nb);
        JsonArray outputs = nb.cells().get(0).getAsJsonArray("outputs");
        assertEquals("✔ answer: the answer\n", outputs.get(0).getAsJsonObject().get("text").getAsString());
        JsonObject data = outputs.get(1).getAsJsonObject().getAsJsonObject("data");
        assertEquals("display_data", outputs.get(1).getAsJsonObject().get("output_type").getAsString());
        JsonObject verdict = data.getAsJsonObject(vae.exercise.Verdict.MIME_TYPE);   // an object, as nbformat keeps JSON types
        assertTrue(verdict.get("passed").getAsBoolean());
        assertEquals("✔ answer: the answer", verdict.get("message").getAsString());
    }
}
