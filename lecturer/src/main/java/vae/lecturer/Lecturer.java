package vae.lecturer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lecturer's commands, run by {@code ./tutorial}:
 * <pre>
 *   grade DIR [--out DIR] [--settings FILE] [--jobs N] [--shard K/N] [--submitted CSV] [--learners CSV] [--lang vi]
 *                                               grade every submitted notebook under DIR (or shard K of N of them),
 *                                               against the edition of --lang (feedback in its language)
 *   grade --merge DIR... [--out DIR]            one class's CSVs and report from the shards' --out folders
 *   learner-versions [--check]                  regenerate every edition's learner versions from its solutions (or check for drift)
 *   export [--out DIR] NOTEBOOK...              HTML handouts and reveal.js slides, offline
 * </pre>
 */
public final class Lecturer {
    private Lecturer() {}

    public static void main(String[] args) throws Exception {
        vae.runtime.Launch.prepareThisJvm();
        if (args.length == 0) { usage(); System.exit(2); }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "grade" -> {
                try {
                    grade(rest);
                } catch (IllegalArgumentException e) {
                    // A wrong option, setting or folder: its message says what came and what was expected.
                    System.err.println("grade: " + e.getMessage());
                    System.exit(2);
                }
            }
            case "learner-versions" -> LearnerVersions.main(rest);
            case "export" -> Export.main(rest);
            default -> { System.err.println("unknown command " + args[0]); usage(); System.exit(2); }
        }
    }

    static void grade(String[] args) throws Exception {
        Path submissions = null, out = Path.of("grading"), settingsFile = Path.of("notebooks/grading.json");
        Edition edition = Edition.ENGLISH;
        Integer jobs = null;
        Shard shard = Shard.ALL;
        List<Path> merge = null;
        Path submittedFile = null, learnersFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--settings" -> settingsFile = Path.of(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--shard" -> shard = Shard.parse(args[++i]);
                case "--submitted" -> submittedFile = Path.of(args[++i]);
                case "--learners" -> learnersFile = Path.of(args[++i]);
                case "--lang" -> edition = Edition.of(args[++i]);
                case "--merge" -> merge = new java.util.ArrayList<>();
                default -> {
                    if (merge != null) merge.add(Path.of(args[i])); else submissions = Path.of(args[i]);
                }
            }
        }
        if (merge != null) {
            if (merge.isEmpty()) { System.err.println("grade --merge needs the --out folders of the shards: grade --merge DIR... [--out DIR]"); System.exit(2); }
            List<Grader.Submission> graded = Submissions.merge(merge, out);
            report(graded, Files.exists(settingsFile) ? GradingSettings.read(settingsFile).deadline() : null, out);
            return;
        }
        if (submissions == null || !Files.isDirectory(submissions)) {
            System.err.println("grade needs a folder of submitted notebooks" + (submissions == null ? "" : "; " + submissions + " is not a folder"));
            System.exit(2);
        }
        GradingSettings settings = Files.exists(settingsFile) ? GradingSettings.read(settingsFile) : GradingSettings.defaults();
        int n = jobs != null ? jobs : Grader.defaultJobs(settings);
        String classpath = System.getProperty("java.class.path");
        vae.Language.use(edition.language());   // the learners' feedback in their edition's language
        Grader grader = new Grader(edition.solutions(Path.of("")), settings, classpath);
        if (submittedFile != null) grader.submissionTimes(Timestamps.readCsv(submittedFile));
        if (learnersFile != null) grader.identities(Variants.readClassList(learnersFile));
        System.err.println("grading " + (shard.equals(Shard.ALL) ? "" : "shard " + shard + " of ") + submissions + ", " + n + " submission"
                + (n == 1 ? "" : "s") + " at a time" + (jobs == null ? " (--jobs: chosen from this machine's cores and memory)" : ""));
        report(grader.grade(submissions, out, n, shard, System.err), settings.deadline(), out);
    }

    private static void report(List<Grader.Submission> graded, String deadline, Path out) {
        Submissions.write(graded, out);
        List<Grader.Score> scores = Submissions.scores(graded);
        GradeReport.write(graded, deadline, out);
        System.out.println(GradeReport.classSummary(scores).print());
        System.out.println("wrote " + out.resolve("grades.csv") + ", " + out.resolve("nbgrader-grades.csv") + " (nbgrader's export layout), " + out.resolve("report.html") + " and feedback under " + out.resolve("executed"));
    }

    static void usage() {
        System.err.println("""
                usage: grade DIR [--out DIR] [--settings FILE] [--jobs N] [--shard K/N] [--submitted CSV] [--learners CSV] [--lang en|vi]
                       grade --merge DIR... [--out DIR]
                       learner-versions [--check]
                       export [--out DIR] NOTEBOOK...""");
    }
}
