package vae.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.exercise.Verdict;
import vae.kernel.TestSessions.Recorded;
import vae.kernel.TestSessions;
import vae.kernel.evaluator.CellException;
import vae.kernel.magic.MagicException;
import vae.kernel.magic.Magics;

class SessionTest {

    @Test
    void printedTextAndTheValueArriveInOrder() throws Exception {
        Recorded out = TestSessions.run("System.out.println(\"one\");\nSystem.err.println(\"two\");\n6 * 7");
        assertEquals("one\n", out.stdout.toString());
        assertEquals("two\n", out.stderr.toString());
        assertEquals("42", out.plain());
        assertEquals(List.of("stdout", "stderr", "result"), out.events);
    }

    @Test
    void textWithoutANewlineIsSentWhileTheCellStillRuns() throws Exception {
        // The second print comes 600 ms later; the first must not wait for it, nor for the end of the cell.
        Recorded out = TestSessions.run("System.out.print(\"epoch 1...\");\nThread.sleep(600);\nSystem.out.print(\" done\");");
        assertEquals("epoch 1... done", out.stdout.toString());
        assertEquals(List.of("stdout", "stdout"), out.events);
    }

    @Test
    void displayShowsAValueAndUpdateDisplayReplacesIt() throws Exception {
        Recorded out = TestSessions.run("var id = display(\"first\");\nupdateDisplay(id, \"second\");\nid");
        assertEquals("first", out.displays.get(0).get("text/plain"));
        assertEquals("second", out.updates.get(0).get("text/plain"));
        assertTrue(out.events.get(0).startsWith("display:"));
        assertEquals(out.events.get(0).substring("display:".length()), out.events.get(1).substring("update:".length()));
        assertNull(out.result, "a cell ending with a display id shows nothing more");
    }

    @Test
    void progressBarUpdatesInPlaceAndAlwaysShowsTheLastBatch() throws Exception {
        // 200 batches in a few ms: throttled to far fewer updates, but the last one is shown.
        Recorded out = TestSessions.run("var bar = Progress.bar(\"Training\");\n"
                + "for (int e = 1; e <= 2; e++) for (int b = 1; b <= 100; b++) bar.onBatch(e, 2, b, 100, 0.5);");
        assertEquals(1, out.displays.size());
        assertTrue(out.updates.size() >= 1 && out.updates.size() < 20, "updates: " + out.updates.size());
        String last = out.updates.get(out.updates.size() - 1).get("text/plain");
        assertEquals("Training [####################] 100% epoch 2/2 · batch 100/100 · loss 0.5000", last);
        assertTrue(out.updates.get(out.updates.size() - 1).get("text/html").contains("<progress value=\"1.0000\""));
    }

    @Test
    void progressBarIsTheLibrarysProgressListener() throws Exception {
        Recorded out = TestSessions.run("vae.train.ProgressListener listener = Progress.bar(\"Fit\");\n"
                + "listener.onBatch(1, 1, 4, 4, 0.25);");
        assertEquals("Fit [####################] 100% epoch 1/1 · batch 4/4 · loss 0.2500",
                out.updates.get(out.updates.size() - 1).get("text/plain"));
    }

    @Test
    void progressBarSpeaksTheLibrarysLanguage() throws Exception {
        Recorded out = TestSessions.run("vae.Language.use(\"vi\");\n"
                + "try { Progress.bar(\"Huấn luyện\").onBatch(5, 5, 71, 71, 128.9); } finally { vae.Language.reset(); }");
        String last = out.updates.get(out.updates.size() - 1).get("text/plain");
        assertEquals("Huấn luyện [####################] 100% epoch 5/5 · batch 71/71 · mất mát 128.9000", last);
        assertTrue(out.updates.get(out.updates.size() - 1).get("text/html").contains("mất mát 128.9000"));
    }

    @Test
    void lineTimeMagicPrintsWallTimeAndKeepsTheValue() throws Exception {
        Recorded out = TestSessions.run("%time Thread.sleep(30)");
        assertTrue(out.stdout.toString().matches("Wall time: \\d+\\.\\d ms\n"), out.stdout.toString());
        double ms = Double.parseDouble(out.stdout.toString().replaceAll("[^0-9.]", ""));
        assertTrue(ms >= 30, "timed " + ms + " ms for a 30 ms sleep");
        Recorded value = TestSessions.run("%time 3 + 4");
        assertEquals("7", value.plain());
    }

    @Test
    void cellTimeMagicTimesTheWholeCell() throws Exception {
        Recorded out = TestSessions.run("%%time\nint sum = 0;\nfor (int i = 1; i <= 10; i++) sum += i;\nsum");
        assertEquals("55", out.plain());
        assertTrue(out.stdout.toString().startsWith("Wall time: "), out.stdout.toString());
    }

    @Test
    void unknownMagicIsAClearError() {
        MagicException e = assertThrows(MagicException.class, () -> TestSessions.run("%loadFromPOM pom.xml"));
        assertEquals("Unknown magic %loadfrompom. Line magics: %classpath %help %jars %load %lsmagic %maven %time; cell magics:"
                + " %%time. %lsmagic lists them with their usage.", e.evalue());
    }

    @Test
    void lsmagicAndHelpListEveryMagicWithItsUsage() throws Exception {
        for (String magic : List.of("%lsmagic", "%help")) {
            String listed = TestSessions.run(magic).plain();
            for (String name : Magics.standard().names()) {
                String usage = "\n  " + name + " ";
                assertTrue(listed.contains(usage), magic + " should list " + name + " with its usage:\n" + listed);
            }
            assertTrue(listed.indexOf("Cell magics") > listed.indexOf("%maven G:A:V"), listed);
        }
    }

    @Test
    void aWrongArgumentRepeatsThatMagicsUsage() {
        MagicException noFile = assertThrows(MagicException.class, () -> TestSessions.run("%load"));
        assertTrue(noFile.evalue().endsWith("\nUsage: %load FILE              run a .jsh or .java file, or a notebook's code cells (.ipynb)"),
                noFile.evalue());
        // %time runs %jars, whose error already carries %jars' usage: it is not repeated with %time's.
        MagicException nested = assertThrows(MagicException.class, () -> TestSessions.run("%time %jars /no/such/dir/*.jar"));
        assertTrue(nested.evalue().contains("Usage: %jars PATH..."), nested.evalue());
        assertEquals(1, nested.evalue().split("Usage: ", -1).length - 1, nested.evalue());
    }

    @Test
    void compileErrorAfterAMagicLineCountsCellLines() {
        CellException e = assertThrows(CellException.class, () -> TestSessions.run("%time 1\nint q = 1;\nint r = missing;"));
        assertTrue(e.traceback().get(0).startsWith("Line 3: cannot find symbol"), e.traceback().toString());
    }

    @Test
    void jarsOfAMissingFileSaysWhereItLooked() {
        MagicException e = assertThrows(MagicException.class, () -> TestSessions.run("%jars /no/such/thing.jar"));
        assertTrue(e.evalue().startsWith("%jars found nothing at /no/such/thing.jar"), e.evalue());
    }

    @Test
    void classpathAddsCompiledClassesAndTheirRendererPlugIn(@TempDir Path dir) throws Exception {
        // A tiny library with its own renderer, as a jar added at run time would bring it.
        Path src = dir.resolve("src/plug");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Point.java"), "package plug; public class Point { public int x() { return 5; } }");
        Files.writeString(src.resolve("PointRenderer.java"), "package plug; public class PointRenderer implements vae.kernel.render.Renderer {"
                + " public java.util.Map<String, String> render(Object v) {"
                + " return v instanceof Point ? java.util.Map.of(\"text/html\", \"<b>point</b>\") : null; } }");
        Path classes = dir.resolve("classes");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"),
                src.resolve("Point.java").toString(), src.resolve("PointRenderer.java").toString());
        assertEquals(0, rc);
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve("META-INF/services/vae.kernel.render.Renderer"), "plug.PointRenderer\n");

        Recorded added = TestSessions.run("%classpath " + classes);
        assertTrue(added.stdout.toString().startsWith("%classpath: added 1 entry"), added.stdout.toString());
        assertEquals("5", TestSessions.run("new plug.Point().x()").plain());
        assertEquals("<b>point</b>", TestSessions.run("new plug.Point()").result.get("text/html"));
    }

    @Test
    void loadRunsAJshFileAndANotebooksCodeCells(@TempDir Path dir) throws Exception {
        Path jsh = dir.resolve("helpers.jsh");
        Files.writeString(jsh, "int cube(int v) {\n  return v * v * v;\n}\n");
        TestSessions.run("%load " + jsh);
        assertEquals("27", TestSessions.run("cube(3)").plain());

        Path nb = dir.resolve("other.ipynb");
        Files.writeString(nb, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# not code\"]},"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null,"
                + " \"source\": [\"int fromNotebook = 11;\\n\", \"int alsoFromNotebook = 12;\"]}]}");
        TestSessions.run("%load " + nb);
        assertEquals("23", TestSessions.run("fromNotebook + alsoFromNotebook").plain());
    }

    @Test
    void mavenWithoutCoordinatesOrWithBadOnesIsAClearError() {
        MagicException none = assertThrows(MagicException.class, () -> TestSessions.run("%maven"));
        assertEquals("%maven needs coordinates, e.g. %maven info.picocli:picocli:4.7.7\nUsage: %maven G:A:V...         resolve from"
                + " Maven Central, with dependencies, onto the classpath", none.evalue());
        MagicException bad = assertThrows(MagicException.class, () -> TestSessions.run("%maven just-a-name"));
        assertTrue(bad.evalue().contains("expects group:artifact:version"), bad.evalue());
    }

    @Test
    void mavenResolvesFromCentralAndFailsLoudlyOnAMissingArtifact() throws Exception {
        Recorded out = TestSessions.run("%maven info.picocli:picocli:4.7.7");
        assertTrue(out.stdout.toString().contains("picocli-4.7.7.jar"), out.stdout.toString());
        assertEquals("\"4.7.7\"".replace("\"", ""), TestSessions.run("picocli.CommandLine.VERSION").plain());
        MagicException missing = assertThrows(MagicException.class,
                () -> TestSessions.run("%maven io.github.vaenotebooks.nosuch:nothing:0.0.1"));
        assertTrue(missing.evalue().startsWith("%maven could not resolve io.github.vaenotebooks.nosuch:nothing:0.0.1"),
                missing.evalue());
    }

    @Test
    void completionOffersMagicNamesAtTheStartOfALine() {
        var c = TestSessions.shared().complete("%ma", 3);
        assertEquals(List.of("%maven"), c.matches());
        assertEquals(0, c.start());
    }

    @Test
    void aCheckShowsItsVerdictAsDataBesideItsTextAndEachSessionKeepsItsOwn() throws Exception {
        Recorded out = TestSessions.run("vae.exercise.Check.equal(\"answer\", 42, 42, \"the answer\", null);");
        assertEquals("✔ answer: the answer\n", out.stdout.toString());
        assertEquals("stdout", out.events.get(0), "the text the learner reads comes first");
        assertTrue(out.events.get(1).startsWith("display:"), out.events.toString());
        Verdict verdict = Verdict.fromJson(new JsonPrimitive(out.displays.get(0).get(Verdict.MIME_TYPE)));
        assertEquals(new Verdict("answer", true, true, "42", "42", "✔ answer: the answer"), verdict);
        assertEquals(1, out.displays.get(0).size(), "the bundle is data only: the text is already there");
        assertTrue(TestSessions.shared().verdicts().latest().contains(verdict));
        try (Session fresh = Session.create()) {
            Recorded report = new Recorded();
            fresh.execute("vae.exercise.Check.report()", "In [1]", report);
            assertEquals("No check has run yet: run the exercise cells and their checks first.", report.plain(), "a new session starts with no verdicts");
        }
        String report = TestSessions.run("vae.exercise.Check.report()").plain();
        assertTrue(report.contains("pass"), "the shared session still has its own: " + report);
    }
}
