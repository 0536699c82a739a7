package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vae.exercise.Check;
import vae.exercise.Verdict;
import vae.kernel.notebook.Notebook;

/** Shared by the notebook ITs: which notebooks there are, how to start a process, and what an executed notebook must show. */
final class NotebookRuns {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SOLUTIONS = ROOT.resolve("notebooks/solutions");
    static final Path LEARNER = ROOT.resolve("notebooks");

    private NotebookRuns() {}

    /** Every notebook of every edition with its solutions (what the lecturer and the grader run headless). */
    static Stream<Path> solutions() {
        List<Path> all = new ArrayList<>();
        for (Edition edition : Edition.present(ROOT)) {
            all.addAll(selected(LearnerVersions.solutionNotebooks(edition.solutions(ROOT))));
        }
        return all.stream();
    }

    /** Every notebook of every edition as the learner gets it (generated from the solutions; what a learner opens in Jupyter). */
    static Stream<Path> learnerVersions() {
        List<Path> all = new ArrayList<>();
        for (Edition edition : Edition.present(ROOT)) {
            for (Path s : selected(LearnerVersions.solutionNotebooks(edition.solutions(ROOT)))) {
                all.add(LearnerVersions.learnerPath(s, edition.learner(ROOT)));
            }
        }
        return all.stream();
    }

    /**
     * The notebooks whose file name starts with one of the prefixes in the system property {@code notebooks} (e.g.
     * {@code mvn -pl lecturer verify -Dnotebooks=03,13}: while a notebook is being written, its runs alone); all without it.
     */
    static List<Path> selected(List<Path> notebooks) {
        String only = System.getProperty("notebooks", "").strip();
        if (only.isEmpty()) return notebooks;
        List<String> prefixes = List.of(only.split("\\s*,\\s*"));
        return notebooks.stream().filter(p -> prefixes.stream().anyMatch(p.getFileName().toString()::startsWith)).toList();
    }

    static boolean isSolution(Path notebook) {
        return notebook.getParent().getFileName().toString().equals("solutions");
    }

    /** Where a run of {@code notebook} writes, under {@code base}: one folder per edition and version, as names repeat. */
    static Path outputDir(Path base, Path notebook) throws IOException {
        return Files.createDirectories(base.resolve(Edition.ofNotebook(notebook).language()).resolve(isSolution(notebook) ? "solutions" : "learner"));
    }

    /** The classpath of this module (kernel, library and all their dependencies). */
    static String classpath() throws IOException {
        String file = System.getProperty("lecturer.classpath.file");
        String jar = System.getProperty("lecturer.jar");
        if (file == null || jar == null) fail("run through Maven's failsafe plugin, which sets lecturer.jar and lecturer.classpath.file");
        return jar + java.io.File.pathSeparator + Files.readString(Path.of(file)).trim();
    }

    /** Runs a command with the tests' small settings and a time limit; returns its combined output. */
    static String run(List<String> command, Path log, int timeoutSeconds) throws Exception {
        Process process = start(command, log, timeoutSeconds);
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** The same, whatever the exit status (a run that is meant to fail some cells); returns the ended process. */
    static Process start(List<String> command, Path log, int timeoutSeconds) throws Exception {
        return start(command, log, timeoutSeconds, java.util.Map.of());
    }

    /** The same with more environment variables (e.g. the grader's {@code VAE_ANSWERS}). */
    static Process start(List<String> command, Path log, int timeoutSeconds, java.util.Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MAX_EPOCH", System.getenv().getOrDefault("MAX_EPOCH", "1"));
        builder.environment().put("DATASET_LIMIT", System.getenv().getOrDefault("DATASET_LIMIT", "1000"));
        vae.runtime.Launch.configure(builder);
        builder.environment().putAll(environment);
        builder.directory(ROOT.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; output:\n" + Files.readString(log));
        }
        return process;
    }

    /**
     * What every executed notebook must show: no error output in any cell; in the solutions every check passes (✔, and
     * every verdict it gave as data), in the learner versions every check says "not yet answered" (in text and data); and every text a cell's metadata expects
     * ({@code "vae": {"expect": [...]}}) appears in that cell's output.
     */
    static void assertExecutedWell(Path source, Path executed) {
        Notebook nb = Notebook.read(executed);
        String name = ROOT.relativize(source.toAbsolutePath().normalize()).toString();
        int checks = 0;
        for (JsonObject cell : nb.cells()) {
            if (!Notebook.isCode(cell)) continue;
            List<Notebook.Error> errors = Notebook.errors(cell);
            String text = Notebook.outputText(cell);
            String where = name + " cell starting «" + firstLine(cell) + "»";
            assertTrue(errors.isEmpty(), where + " raised " + errors);
            assertTrue(!hasStderr(cell), where + " wrote to stderr: " + text);
            if (Nbgrader.isCheck(cell)) {
                checks++;
                List<Verdict> verdicts = Scoring.verdicts(cell);
                assertTrue(!verdicts.isEmpty(), where + " gave no verdict as data (" + Verdict.MIME_TYPE + ")");
                if (isSolution(source)) {
                    assertTrue(text.contains(Check.PASSED) && !text.contains(Check.NOT_ANSWERED_MARK), where + ": the solution's check should pass, but printed: " + text);
                    assertTrue(verdicts.stream().allMatch(Verdict::passed), where + ": every verdict of the solution's check should pass: " + verdicts);
                } else {
                    assertTrue(text.contains(Check.NOT_ANSWERED_MARK), where + ": an unanswered check should say «not yet answered» (" + Check.NOT_ANSWERED_MARK + "), but printed: " + text);
                    assertTrue(verdicts.stream().anyMatch(v -> !v.answered()), where + ": the verdicts should say not answered: " + verdicts);
                }
            }
            JsonObject meta = cell.getAsJsonObject("metadata");
            if (meta != null && meta.has("vae") && meta.getAsJsonObject("vae").has("expect")) {
                for (JsonElement expected : meta.getAsJsonObject("vae").getAsJsonArray("expect")) {
                    assertTrue(text.contains(expected.getAsString()), where + " should show «" + expected.getAsString() + "» but shows:\n" + text);
                }
            }
        }
        assertTrue(checks >= 3, name + " has " + checks + " checks; every notebook needs at least 3 exercises");
    }

    private static boolean hasStderr(JsonObject cell) {
        if (!cell.has("outputs")) return false;
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if ("stream".equals(out.get("output_type").getAsString()) && "stderr".equals(out.get("name").getAsString())) return true;
        }
        return false;
    }

    private static String firstLine(JsonObject cell) {
        String s = Notebook.source(cell).strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
