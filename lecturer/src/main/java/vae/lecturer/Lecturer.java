package vae.lecturer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lecturer's commands, run by {@code ./tutorial}:
 * <pre>
 *   grade DIR [--out DIR] [--settings FILE]     grade every submitted notebook under DIR
 *   learner-versions [--check]                  regenerate notebooks/ from notebooks/solutions/ (or check for drift)
 *   export [--out DIR] NOTEBOOK...              HTML handouts and reveal.js slides, offline
 * </pre>
 */
public final class Lecturer {
    private Lecturer() {}

    public static void main(String[] args) throws Exception {
        vae.Launch.prepareThisJvm();
        if (args.length == 0) { usage(); System.exit(2); }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "grade" -> grade(rest);
            case "learner-versions" -> LearnerVersions.main(rest);
            case "export" -> Export.main(rest);
            default -> { System.err.println("unknown command " + args[0]); usage(); System.exit(2); }
        }
    }

    static void grade(String[] args) throws Exception {
        Path submissions = null, out = Path.of("grading"), settingsFile = Path.of("notebooks/grading.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--settings" -> settingsFile = Path.of(args[++i]);
                default -> submissions = Path.of(args[i]);
            }
        }
        if (submissions == null || !Files.isDirectory(submissions)) {
            System.err.println("grade needs a folder of submitted notebooks" + (submissions == null ? "" : "; " + submissions + " is not a folder"));
            System.exit(2);
        }
        GradingSettings settings = Files.exists(settingsFile) ? GradingSettings.read(settingsFile) : GradingSettings.defaults();
        String classpath = System.getProperty("java.class.path");
        Grader grader = new Grader(Path.of("notebooks/solutions"), settings, classpath);
        List<Grader.Score> scores = grader.grade(submissions, out);
        GradeReport.write(scores, out);
        System.out.println(GradeReport.classSummary(scores).print());
        System.out.println("wrote " + out.resolve("grades.csv") + ", " + out.resolve("report.html") + " and feedback under " + out.resolve("executed"));
    }

    static void usage() {
        System.err.println("""
                usage: grade DIR [--out DIR] [--settings FILE]
                       learner-versions [--check]
                       export [--out DIR] NOTEBOOK...""");
    }
}
