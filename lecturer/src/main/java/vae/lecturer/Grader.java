package vae.lecturer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vae.kernel.notebook.Notebook;
import vae.Language;

/**
 * Grades a folder of submitted notebooks against the notebooks with solutions, in Java (no nbgrader): every check cell
 * of the original (hidden tests included) is run in place of the learner's ({@link OriginalChecks}), each submission in
 * its own JVM with a per-cell and a whole-notebook time limit and a heap limit ({@link GradingRun}), so no submission
 * can stop the grading of the others; the checks' verdicts give the scores ({@link Scoring}).
 */
public final class Grader {
    /**
     * The score of one check of one learner's notebook, with the feedback the learner would have seen or why it scored 0;
     * for late work, how late (hours) and the points the late penalty took off ({@code points} is after the penalty); for
     * a wrong answer, the expected value and the learner's, for the lecturer's eyes only (the learner's feedback and
     * ✘ lines never show the expected value); {@code miss}, why it scored less than its points (null when it did not).
     */
    public record Score(String learner, String notebook, String exercise, double points, double maxPoints, String feedback,
                        double hoursLate, double latePenalty, String expected, String got, Miss miss) {
        public Score(String learner, String notebook, String exercise, double points, double maxPoints, String feedback) {
            this(learner, notebook, exercise, points, maxPoints, feedback, 0, 0, null, null, null);
        }

        public Score(String learner, String notebook, String exercise, double points, double maxPoints, String feedback,
                     double hoursLate, double latePenalty, String expected, String got) {
            this(learner, notebook, exercise, points, maxPoints, feedback, hoursLate, latePenalty, expected, got, null);
        }
        /** The same score with what the check expected and what came (null where no wrong answer was checked). */
        public Score withAnswers(String expected, String got) {
            return new Score(learner, notebook, exercise, points, maxPoints, feedback, hoursLate, latePenalty, expected, got, miss);
        }

        /** The same score with why it scored less than its points. */
        public Score withMiss(Miss why) { return new Score(learner, notebook, exercise, points, maxPoints, feedback, hoursLate, latePenalty, expected, got, why); }

        public boolean late() { return hoursLate > 0; }
    }

    private final Path solutionsDir;
    private final GradingSettings settings;
    private final String classpath;
    private final Scoring scoring;
    private final Map<String, Notebook> sources = new LinkedHashMap<>();
    private Map<String, String> submissionTimes = Map.of(), identities = Map.of();

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

    /**
     * The scores of one submitted file, named by its path under the submissions folder (the order of a class's results);
     * {@code identity}, the learner whose exercise numbers it was graded with ({@code vae.exercise.Variant}; "" for the
     * book's own), and {@code inputs}, the numbers each exercise drew for them, by check id ("logvar = [0, 2, 0.4, -1.1]").
     */
    public record Submission(String file, List<Score> scores, String submitted, String identity, Map<String, String> inputs) {}

    /** Grades every .ipynb under {@code submissions} (a learner's folder, or files named after the learner); writes the executed copies to {@code work}. */
    public List<Score> grade(Path submissions, Path work) {
        return Submissions.scores(grade(submissions, work, 1, Shard.ALL, null));
    }

    /**
     * Grades this shard's share of the submissions, {@code jobs} at a time (each still in a JVM of its own), with a
     * progress line per finished submission on {@code progress} (null for none). The results come in the order of the
     * files, whatever the number of jobs, so they are the same as one job's.
     */
    public List<Submission> grade(Path submissions, Path work, int jobs, Shard shard, PrintStream progress) {
        if (jobs < 1) throw new IllegalArgumentException("jobs is " + jobs + "; expected 1 or more (--jobs 1 grades one submission at a time)");
        List<Path> files = shard.of(SubmissionFiles.in(submissions));
        Progress shown = new Progress(files.size(), jobs, progress);
        if (progress != null && !Confinement.available()) progress.println("note: bwrap (Debian's bubblewrap) is missing or cannot run here,"
                + " so a submission could write outside its folder: apt-get install bubblewrap, or grade in a container");
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Submission>> running = new ArrayList<>();
            for (Path file : files) {
                String learner = SubmissionFiles.learnerOf(submissions, file), name = submissions.relativize(file).toString();
                String submitted = submissionTimes.containsKey(learner) ? submissionTimes.get(learner)
                        : file.getParent().equals(submissions) ? null : Timestamps.fromFolder(file);
                running.add(pool.submit(() -> {
                    List<Score> scores = Late.apply(gradeOrExplain(learner, file, work.resolve("executed").resolve(learner)), submitted, settings);
                    shown.done(name, scores);
                    return new Submission(name, scores, submitted, identity(learner), Variants.inputs(work.resolve("executed").resolve(learner), scores));
                }));
            }
            List<Submission> graded = new ArrayList<>();
            for (Future<Submission> f : running) graded.add(f.get());
            return graded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** When each learner submitted, overriding their folder's nbgrader {@code timestamp.txt} (learner → timestamp). */
    public Grader submissionTimes(Map<String, String> times) {
        this.submissionTimes = Map.copyOf(times);
        return this;
    }

    /** Whose exercise numbers each learner is graded with, from a class list (learner → identity, "" for the book's); else their own name. */
    public Grader identities(Map<String, String> classList) { this.identities = Map.copyOf(classList); return this; }

    String identity(String learner) { return identities.getOrDefault(learner, learner); }

    /** A submission whose grading itself fails (a full disk, say) scores 0 with the reason; the others go on. */
    private List<Score> gradeOrExplain(String learner, Path file, Path workDir) {
        try {
            return gradeOne(learner, file, workDir);
        } catch (RuntimeException e) {
            String notebook = sources.containsKey(file.getFileName().toString()) ? file.getFileName().toString() : "?";
            return zeroForAll(learner, notebook, Language.text("grade.couldNotGrade", shortMessage(e)), Miss.ERROR);
        }
    }

    /**
     * How many submissions to grade at once on this machine: one per core, as long as each JVM's heap (plus about 1 GiB
     * for ND4J's native memory, JShell's compiler and the JVM itself) fits in the memory, 2 GiB left to the rest.
     */
    public static int defaultJobs(GradingSettings settings) {
        int cores = Runtime.getRuntime().availableProcessors();
        long totalMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 20;
        long byMemory = (totalMb - 2048) / (settings.maxHeapMegabytes() + 1024L);
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    List<Score> gradeOne(String learner, Path file, Path workDir) {
        String fileName = file.getFileName().toString();
        Notebook submitted;
        try {
            submitted = Notebook.read(file);
        } catch (IllegalArgumentException e) {
            String notebook = sources.containsKey(fileName) ? fileName : "?";
            return zeroForAll(learner, notebook, Language.text("grade.notANotebook", shortMessage(e)), Miss.ERROR);
        }
        String notebook = Assignments.match(sources, fileName, submitted);
        if (notebook == null) {
            return List.of(new Score(learner, fileName, "-", 0, 0,
                    Language.text("grade.otherAssignment", sources.keySet())).withMiss(Miss.ERROR));
        }
        Notebook source = sources.get(notebook);
        Map<String, String> notes = new LinkedHashMap<>();
        Notebook prepared = OriginalChecks.put(submitted, source, notes);
        Variants.noteOtherLearner(submitted, source, identity(learner), notes);
        try {
            Files.createDirectories(workDir);
            Path in = workDir.resolve("submitted-" + notebook), out = workDir.resolve(notebook);
            prepared.write(in);
            Files.deleteIfExists(out);
            GradingRun.Result run = GradingRun.start(settings, classpath, in, out, workDir.resolve(notebook + ".log"),
                    workDir.resolve("run-" + notebook.replace(".ipynb", "")), identity(learner));
            if (!Files.exists(out)) {
                // Its JVM never ran a cell: a classpath or a JVM option is wrong, not the learner's work.
                String first = run.log().lines().findFirst().orElse("no output");
                boolean stopped = run.timedOut() || run.stopped() != null;
                return zeroForAll(learner, notebook, stopped ? scoring.notRun(run) : Language.text("grade.noCellRan", run.exitCode(), first),
                        stopped ? Miss.STOPPED : Miss.ERROR);
            }
            Notebook executed = Notebook.read(out);
            List<Score> scores = scoring.score(learner, notebook, source, executed, run, notes);
            Files.writeString(workDir.resolve(notebook.replace(".ipynb", ".html")), Feedback.page(learner, notebook, executed, scores));
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException("grading " + file + " failed: " + e.getMessage(), e);
        }
    }

    private List<Score> zeroForAll(String learner, String notebook, String reason, Miss why) {
        Notebook source = sources.get(notebook);
        if (source == null) return List.of(new Score(learner, notebook, "-", 0, 0, reason).withMiss(why));
        List<Score> scores = new ArrayList<>();
        for (JsonObject c : source.cells()) {
            if (Nbgrader.isCheck(c)) scores.add(new Score(learner, notebook, Nbgrader.gradeId(c), 0, scoring.maxPoints(c), reason).withMiss(why));
        }
        return scores;
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    public Path solutionsDir() { return solutionsDir; }
}
