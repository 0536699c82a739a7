package vae.lecturer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vae.kernel.notebook.Notebook;

/**
 * Grades a folder of submitted notebooks against the notebooks with solutions, in Java (no nbgrader): every check cell
 * of the original (hidden tests included) is run in place of the learner's ({@link OriginalChecks}), each submission in
 * its own JVM with a per-cell and a whole-notebook time limit and a heap limit ({@link GradingRun}), so no submission
 * can stop the grading of the others; the checks' verdicts give the scores ({@link Scoring}).
 */
public final class Grader {
    /** The score of one check of one learner's notebook, with the feedback the learner would have seen or why it scored 0. */
    public record Score(String learner, String notebook, String exercise, double points, double maxPoints, String feedback) {}

    private final Path solutionsDir;
    private final GradingSettings settings;
    private final String classpath;
    private final Scoring scoring;
    private final Map<String, Notebook> sources = new LinkedHashMap<>();

    /** @param classpath the classpath of a JVM that can run {@link GradingRun} (kernel, library and this module) */
    public Grader(Path solutionsDir, GradingSettings settings, String classpath) {
        this.solutionsDir = solutionsDir;
        this.settings = settings;
        this.classpath = classpath;
        this.scoring = new Scoring(settings);
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
        Notebook prepared = OriginalChecks.put(submitted, source, notes);
        try {
            Files.createDirectories(workDir);
            Path in = workDir.resolve("submitted-" + notebook), out = workDir.resolve(notebook);
            prepared.write(in);
            Files.deleteIfExists(out);
            GradingRun.Result run = GradingRun.start(settings, classpath, in, out, workDir.resolve(notebook + ".log"));
            Notebook executed = Files.exists(out) ? Notebook.read(out) : prepared;
            List<Score> scores = scoring.score(learner, notebook, source, executed, run, notes);
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
            long shared = submitted.cells().stream().map(Nbgrader::gradeId).filter(ids::contains).count();
            if (shared > bestShared) { bestShared = shared; best = s.getKey(); }
        }
        if (best != null) return best;
        return sources.containsKey(fileName) && submitted.cells().stream().noneMatch(c -> Nbgrader.gradeId(c) != null) ? fileName : null;
    }

    private List<Score> zeroForAll(String learner, String notebook, String reason) {
        Notebook source = sources.get(notebook);
        if (source == null) return List.of(new Score(learner, notebook, "-", 0, 0, reason));
        List<Score> scores = new ArrayList<>();
        for (JsonObject c : source.cells()) {
            if (Nbgrader.isCheck(c)) scores.add(new Score(learner, notebook, Nbgrader.gradeId(c), 0, scoring.maxPoints(c), reason));
        }
        return scores;
    }

    static List<String> checkIds(Notebook nb) {
        return nb.cells().stream().filter(Nbgrader::isCheck).map(Nbgrader::gradeId).toList();
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
