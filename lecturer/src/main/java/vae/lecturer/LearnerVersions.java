package vae.lecturer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vae.kernel.notebook.Notebook;

/**
 * Makes the learner's version of a notebook from the version with solutions, as nbgrader's "generate assignment" does:
 * code between {@code // BEGIN SOLUTION} and {@code // END SOLUTION} becomes {@code // YOUR CODE HERE} (the answer
 * variable, declared null above the markers, stays unset), checks between {@code // BEGIN HIDDEN TESTS} and
 * {@code // END HIDDEN TESTS} are removed, and the outputs of answer and check cells are cleared (they would show the
 * solution's results), as are those of the closing {@code Check.report()}. All other outputs stay, so the learner version reads well before it is run.
 * Check cells are locked as nbgrader's {@code LockCells} locks them (cell metadata {@code "editable": false,
 * "deletable": false}, which Jupyter honours), and answer cells cannot be deleted ({@code "deletable": false}).
 */
public final class LearnerVersions {
    static final Pattern SOLUTION = Pattern.compile("(?m)^([ \\t]*)// BEGIN SOLUTION[^\\n]*\\n(?:.*\\n)*?[ \\t]*// END SOLUTION[^\\n]*(\\n|$)");
    static final Pattern HIDDEN = Pattern.compile("(?m)^[ \\t]*// BEGIN HIDDEN TESTS[^\\n]*\\n(?:.*\\n)*?[ \\t]*// END HIDDEN TESTS[^\\n]*(\\n|$)");

    private LearnerVersions() {}

    /** The learner's version of one notebook with solutions. */
    public static Notebook of(Notebook solutions) {
        Notebook learner = solutions.copy();
        for (JsonObject cell : learner.cells()) {
            if (!Notebook.isCode(cell)) continue;
            String source = Notebook.source(cell);
            String stripped = stripHiddenTests(source);
            if (Nbgrader.isSolution(cell)) stripped = stubSolutions(stripped);
            if (!stripped.equals(source)) Notebook.setSource(cell, stripped);
            // Outputs that depend on the learner's answers: the answer and check cells, and the closing report.
            if (Nbgrader.isSolution(cell) || Nbgrader.isCheck(cell) || stripped.contains("Check.report()")) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            }
            lock(cell);
            forgetPlantedMistake(cell);
        }
        return learner;
    }

    /** The metadata key of an answer cell's planted wrong answer (in {@code "vae"}), which its check must reject. */
    static final String WRONG_ANSWER = "wrong_answer";

    /**
     * The notebook with every answer replaced by its planted wrong answer ({@code "vae": {"wrong_answer": "…"}} on the
     * answer cell: the code that stands between {@code // BEGIN SOLUTION} and {@code // END SOLUTION}); hidden tests kept.
     */
    static Notebook withWrongAnswers(Notebook solutions) {
        Notebook planted = solutions.copy();
        for (JsonObject cell : planted.cells()) {
            if (!Notebook.isCode(cell) || !Nbgrader.isSolution(cell)) continue;
            String wrong = wrongAnswer(cell);
            if (wrong == null) throw new IllegalArgumentException("answer cell " + Nbgrader.gradeId(cell) + " has no metadata vae." + WRONG_ANSWER);
            Notebook.setSource(cell, replaceSolutions(Notebook.source(cell), wrong.strip()));
        }
        return planted;
    }

    /** The planted wrong answer of an answer cell, or null. */
    static String wrongAnswer(JsonObject cell) {
        JsonObject meta = cell.getAsJsonObject("metadata");
        if (meta == null || !meta.has("vae") || !meta.getAsJsonObject("vae").has(WRONG_ANSWER)) return null;
        return Notebook.text(meta.getAsJsonObject("vae").get(WRONG_ANSWER));
    }

    /** The learner does not get the planted mistake (a spoiler of the hint, and of no use to them). */
    private static void forgetPlantedMistake(JsonObject cell) {
        JsonObject meta = cell.getAsJsonObject("metadata");
        if (meta == null || !meta.has("vae")) return;
        JsonObject vae = meta.getAsJsonObject("vae");
        vae.remove(WRONG_ANSWER);
        if (vae.size() == 0) meta.remove("vae");
    }

    /** A check cannot be edited or deleted in Jupyter, an answer cannot be deleted (the grader restores both anyway). */
    static void lock(JsonObject cell) {
        if (!Nbgrader.isCheck(cell) && !Nbgrader.isSolution(cell)) return;
        if (!cell.has("metadata")) cell.add("metadata", new JsonObject());
        JsonObject meta = cell.getAsJsonObject("metadata");
        if (Nbgrader.isCheck(cell)) meta.addProperty("editable", false);
        meta.addProperty("deletable", false);
    }

    static String stubSolutions(String source) {
        return replaceSolutions(source, "// YOUR CODE HERE");
    }

    /** Every BEGIN SOLUTION … END SOLUTION region replaced by {@code code}, each of its lines at the region's indent. */
    private static String replaceSolutions(String source, String code) {
        return SOLUTION.matcher(source).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + code.replace("\n", "\n" + m.group(1)) + m.group(2)));
    }

    static String stripHiddenTests(String source) {
        return HIDDEN.matcher(source).replaceAll("");
    }

    /** The learner notebook that {@code solution} (in {@code solutionsDir}) becomes, in {@code learnerDir}. */
    public static Path learnerPath(Path solution, Path learnerDir) {
        return learnerDir.resolve(solution.getFileName());
    }

    /** All notebooks with solutions in a folder, in name order. */
    public static List<Path> solutionNotebooks(Path solutionsDir) {
        try (Stream<Path> files = Files.list(solutionsDir)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + solutionsDir, e);
        }
    }

    /**
     * Writes the learner version of every notebook of {@code solutionsDir} into {@code learnerDir}; with {@code check},
     * writes nothing and returns the learner notebooks that differ from what would be generated (drift).
     */
    public static List<Path> generate(Path solutionsDir, Path learnerDir, boolean check) {
        List<Path> drifted = new ArrayList<>();
        for (Path solution : solutionNotebooks(solutionsDir)) {
            Notebook learner = of(Notebook.read(solution));
            Path target = learnerPath(solution, learnerDir);
            if (check) {
                if (!Files.exists(target) || !Notebook.read(target).json().equals(learner.json())) drifted.add(target);
            } else {
                learner.write(target);
            }
        }
        return drifted;
    }

    /**
     * {@code learner-versions [--check] [SOLUTIONS_DIR LEARNER_DIR]}: one folder pair, or by default every edition
     * (notebooks/solutions → notebooks, notebooks/vi/solutions → notebooks/vi).
     */
    public static void main(String[] args) {
        boolean check = args.length > 0 && args[0].equals("--check");
        int first = check ? 1 : 0;
        List<Path[]> pairs = new ArrayList<>();
        if (args.length > first) {
            pairs.add(new Path[] {Path.of(args[first]), Path.of(args.length > first + 1 ? args[first + 1] : "notebooks")});
        } else {
            for (Edition e : Edition.present(Path.of(""))) pairs.add(new Path[] {e.solutions(Path.of("")), e.learner(Path.of(""))});
        }
        List<Path> drifted = new ArrayList<>();
        for (Path[] pair : pairs) {
            drifted.addAll(generate(pair[0], pair[1], check));
            if (!check) System.out.println("wrote the learner versions of " + solutionNotebooks(pair[0]).size() + " notebooks to " + pair[1]);
        }
        if (check && !drifted.isEmpty()) {
            System.err.println("These learner versions differ from their solutions; regenerate with ./tutorial learner-versions:");
            drifted.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
    }
}
