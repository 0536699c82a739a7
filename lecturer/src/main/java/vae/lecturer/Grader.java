package vae.lecturer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vae.exercise.Check;

/**
 * Grades a folder of submitted notebooks against the notebooks with solutions, in Java (no nbgrader): every check cell
 * of the original (hidden tests included) is run in place of the learner's, each submission in its own JVM with a
 * per-cell and a whole-notebook time limit and a heap limit, so no submission can stop the grading of the others.
 */
public final class Grader {
    /** The score of one check of one learner's notebook, with the feedback the learner would have seen or why it scored 0. */
    public record Score(String learner, String notebook, String exercise, double points, double maxPoints, String feedback) {}

    private final Path solutionsDir;
    private final GradingSettings settings;
    private final String classpath;
    private final Map<String, Notebook> sources = new LinkedHashMap<>();

    /** @param classpath the classpath of a JVM that can run {@link GradingRun} (kernel, library and this module) */
    public Grader(Path solutionsDir, GradingSettings settings, String classpath) {
        this.solutionsDir = solutionsDir;
        this.settings = settings;
        this.classpath = classpath;
        for (Path p : LearnerVersions.solutionNotebooks(solutionsDir)) {
            String name = p.getFileName().toString();
            if (settings.notebooks().isEmpty() || settings.notebooks().contains(name)) sources.put(name, Notebook.read(p));
        }
        if (sources.isEmpty()) throw new IllegalArgumentException("no notebooks to grade against in " + solutionsDir + " (settings: " + settings.notebooks() + ")");
    }

    /** Grades every .ipynb under {@code submissions} (a learner's folder, or files named after the learner); writes the executed copies to {@code work}. */
    public List<Score> grade(Path submissions, Path work) {
        List<Score> scores = new ArrayList<>();
        for (Path file : submissionFiles(submissions)) {
            String learner = learnerOf(submissions, file);
            scores.addAll(gradeOne(learner, file, work.resolve("executed").resolve(learner)));
        }
        return scores;
    }

    List<Score> gradeOne(String learner, Path file, Path workDir) {
        String fileName = file.getFileName().toString();
        Notebook submitted;
        try {
            submitted = Notebook.read(file);
        } catch (IllegalArgumentException e) {
            String notebook = sources.containsKey(fileName) ? fileName : "?";
            return zeroForAll(learner, notebook, "the file is not a readable notebook (" + shortMessage(e) + ")");
        }
        String notebook = match(fileName, submitted);
        if (notebook == null) {
            return List.of(new Score(learner, fileName, "-", 0, 0,
                    "not part of this assignment: none of its checks belong to " + sources.keySet()));
        }
        Notebook source = sources.get(notebook);
        Map<String, String> notes = new LinkedHashMap<>();
        Notebook prepared = withOriginalChecks(submitted, source, notes);
        try {
            Files.createDirectories(workDir);
            Path in = workDir.resolve("submitted-" + notebook), out = workDir.resolve(notebook);
            prepared.write(in);
            Files.deleteIfExists(out);
            Run run = execute(in, out, workDir.resolve(notebook + ".log"));
            Notebook executed = Files.exists(out) ? Notebook.read(out) : prepared;
            List<Score> scores = score(learner, notebook, source, executed, run, notes);
            Files.writeString(workDir.resolve(notebook.replace(".ipynb", ".html")), Feedback.page(learner, notebook, executed, scores));
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException("grading " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** The assignment notebook a submission belongs to: the one sharing most check ids, else the one of the same file name. */
    String match(String fileName, Notebook submitted) {
        String best = null;
        long bestShared = 0;
        for (Map.Entry<String, Notebook> s : sources.entrySet()) {
            List<String> ids = checkIds(s.getValue());
            long shared = submitted.cells().stream().map(Notebook::gradeId).filter(ids::contains).count();
            if (shared > bestShared) { bestShared = shared; best = s.getKey(); }
        }
        if (best != null) return best;
        return sources.containsKey(fileName) && submitted.cells().stream().noneMatch(c -> Notebook.gradeId(c) != null) ? fileName : null;
    }

    /**
     * The submission with every check cell replaced by the original (hidden tests included). An edited check is noticed
     * (it differs from the learner version's) and a deleted one is put back after its answer cell.
     */
    static Notebook withOriginalChecks(Notebook submitted, Notebook source, Map<String, String> notes) {
        Notebook prepared = submitted.copy();
        JsonArray cells = prepared.cellArray();
        for (JsonObject original : source.cells()) {
            if (!Notebook.isCheck(original)) continue;
            String id = Notebook.gradeId(original);
            String expected = LearnerVersions.stripHiddenTests(Notebook.source(original));
            int at = indexOf(cells, id);
            JsonObject replacement = original.deepCopy();
            replacement.add("outputs", new JsonArray());
            if (at >= 0) {
                if (!Notebook.source(cells.get(at).getAsJsonObject()).strip().equals(expected.strip())) {
                    notes.put(id, "the check cell was edited; the original check was run");
                }
                cells.set(at, replacement);
            } else {
                notes.put(id, "the check cell was deleted; the original check was run");
                int answer = indexOf(cells, id.replaceFirst("-check$", ""));
                if (answer >= 0) insert(cells, answer + 1, replacement); else cells.add(replacement);
            }
        }
        return prepared;
    }

    /** How a submission's JVM ended. */
    record Run(int exitCode, boolean timedOut, String log) {}

    Run execute(Path in, Path out, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + settings.maxHeapMegabytes() + "m", "-Djava.awt.headless=true",
                "-cp", classpath, GradingRun.class.getName(), String.valueOf(settings.cellTimeoutSeconds()), in.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        vae.Launch.configure(builder);
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(settings.notebookTimeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Run(-1, true, Files.readString(log));
            }
            return new Run(process.exitValue(), false, Files.readString(log));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("grading was interrupted", e);
        }
    }

    List<Score> score(String learner, String notebook, Notebook source, Notebook executed, Run run, Map<String, String> notes) {
        List<Score> scores = new ArrayList<>();
        for (JsonObject original : source.cells()) {
            if (!Notebook.isCheck(original)) continue;
            String id = Notebook.gradeId(original);
            double max = settings.points().getOrDefault(id, Notebook.points(original));
            JsonObject cell = find(executed, id);
            String reason;
            double points = 0;
            boolean ran = cell != null && cell.has("execution_count") && !cell.get("execution_count").isJsonNull();
            String text = cell == null ? "" : Notebook.outputText(cell);
            List<String> errors = cell == null ? List.of() : Notebook.errors(cell);
            if (!ran) {
                reason = run.timedOut() ? "not run: the whole notebook ran past its limit of " + settings.notebookTimeoutSeconds() + " s"
                        : "not run: the notebook stopped before this check (exit code " + run.exitCode() + (run.exitCode() == 0 ? "" : ": System.exit or a crash") + ")";
            } else if (errors.stream().anyMatch(e -> e.startsWith(GradingRun.TIMED_OUT))) {
                reason = "timed out: the check ran longer than " + settings.cellTimeoutSeconds() + " s";
            } else if (!errors.isEmpty()) {
                reason = errors.get(0).replaceFirst("^[\\w.$]*AssertionError: ", "");
            } else if (text.contains(Check.NOT_ANSWERED)) {
                reason = "not yet answered";
                String answerError = answerError(executed, id);
                if (answerError != null) reason += " (the answer cell failed: " + answerError + ")";
            } else if (text.contains(Check.PASSED)) {
                points = max;
                reason = firstLine(text, Check.PASSED);
            } else {
                reason = "the check printed no verdict: " + text.strip();
            }
            if (notes.containsKey(id)) reason += " [" + notes.get(id) + "]";
            scores.add(new Score(learner, notebook, id, points, max, reason));
        }
        return scores;
    }

    private static String answerError(Notebook executed, String checkId) {
        JsonObject answer = find(executed, checkId.replaceFirst("-check$", ""));
        if (answer == null) return null;
        List<String> errors = Notebook.errors(answer);
        if (errors.stream().anyMatch(e -> e.startsWith(GradingRun.TIMED_OUT))) return "it timed out";
        if (!errors.isEmpty()) return errors.get(0);
        return null;
    }

    private List<Score> zeroForAll(String learner, String notebook, String reason) {
        Notebook source = sources.get(notebook);
        if (source == null) return List.of(new Score(learner, notebook, "-", 0, 0, reason));
        List<Score> scores = new ArrayList<>();
        for (JsonObject c : source.cells()) {
            if (Notebook.isCheck(c)) scores.add(new Score(learner, notebook, Notebook.gradeId(c), 0,
                    settings.points().getOrDefault(Notebook.gradeId(c), Notebook.points(c)), reason));
        }
        return scores;
    }

    static List<String> checkIds(Notebook nb) {
        return nb.cells().stream().filter(Notebook::isCheck).map(Notebook::gradeId).toList();
    }

    private static JsonObject find(Notebook nb, String gradeId) {
        for (JsonObject c : nb.cells()) if (gradeId.equals(Notebook.gradeId(c))) return c;
        return null;
    }

    private static int indexOf(JsonArray cells, String gradeId) {
        for (int i = 0; i < cells.size(); i++) if (gradeId.equals(Notebook.gradeId(cells.get(i).getAsJsonObject()))) return i;
        return -1;
    }

    private static void insert(JsonArray cells, int at, JsonObject cell) {
        JsonArray copy = new JsonArray();
        for (int i = 0; i < cells.size(); i++) { if (i == at) copy.add(cell); copy.add(cells.get(i)); }
        if (at >= cells.size()) copy.add(cell);
        while (cells.size() > 0) cells.remove(0);
        cells.addAll(copy);
    }

    private static String firstLine(String text, String startingWith) {
        for (String line : text.split("\n")) if (line.startsWith(startingWith)) return line;
        return startingWith;
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    static List<Path> submissionFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".ipynb") && Files.isRegularFile(p)
                    && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the submissions in " + dir, e);
        }
    }

    /** {@code DIR/learner/NN.ipynb} → learner; {@code DIR/learner.ipynb} → learner. */
    static String learnerOf(Path dir, Path file) {
        Path rel = dir.relativize(file);
        if (rel.getNameCount() > 1) return rel.getName(0).toString();
        String name = rel.getFileName().toString();
        return name.substring(0, name.length() - ".ipynb".length());
    }

    public Path solutionsDir() { return solutionsDir; }
}
