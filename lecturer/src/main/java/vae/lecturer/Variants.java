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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vae.Language;
import vae.kernel.notebook.Notebook;

/**
 * Each learner's own exercise numbers ({@code vae.exercise.Variant}) as the grader sees them: the inputs its run drew
 * for the learner ({@link Grader.Submission#inputs()}), and whether the submitted notebook's stored outputs show another
 * learner's inputs ("Your inputs (learner bob): …" where the grader runs it as alice), which the learner's feedback then
 * explains instead of a silent zero. The lines are read in every language the library speaks.
 */
final class Variants {
    /** What an exercise's printed line says: whose inputs ({@code null} for the book's own) and the inputs themselves. */
    record Line(String learner, String inputs) {}

    private static final List<Pattern> LEARNER = new ArrayList<>(), BOOK = new ArrayList<>();
    static {
        for (String tag : Language.SUPPORTED) {
            LEARNER.add(pattern(Language.pattern(tag, "variant.learner")));
            BOOK.add(pattern(Language.pattern(tag, "variant.book")));
        }
    }

    private Variants() {}

    /** "Your inputs (learner %s): %s" → a pattern matching a whole line, a group for each %s (the first lazy). */
    private static Pattern pattern(String message) {
        String[] parts = message.split("%s", -1);
        StringBuilder regex = new StringBuilder("(?m)^");
        for (int i = 0; i < parts.length; i++) regex.append(i == 0 ? "" : i < parts.length - 1 ? "(.+?)" : "(.*)").append(Pattern.quote(parts[i]));
        return Pattern.compile(regex.append("$").toString());
    }

    /** Every answer cell's variant lines in {@code nb}'s outputs, by the answer's grade_id (cells without any left out). */
    static Map<String, List<Line>> lines(Notebook nb) {
        Map<String, List<Line>> byExercise = new LinkedHashMap<>();
        for (JsonObject cell : nb.codeCells()) {
            String id = Nbgrader.gradeId(cell);
            if (id == null || Nbgrader.isCheck(cell)) continue;
            List<Line> lines = new ArrayList<>();
            String text = Notebook.outputText(cell);
            for (Pattern p : LEARNER) for (Matcher m = p.matcher(text); m.find(); ) lines.add(new Line(m.group(1), m.group(2)));
            for (Pattern p : BOOK) for (Matcher m = p.matcher(text); m.find(); ) lines.add(new Line(null, m.group(1)));
            if (!lines.isEmpty()) byExercise.put(id, lines);
        }
        return byExercise;
    }

    /**
     * Where the submitted notebook was run as another learner than {@code identity} (its stored lines say so), a note on
     * every check of {@code source} in {@code notes}: whose inputs it showed, and how to run it as themselves.
     */
    static void noteOtherLearner(Notebook submitted, Notebook source, String identity, Map<String, String> notes) {
        String other = null;
        for (List<Line> lines : lines(submitted).values()) {
            for (Line l : lines) {
                if (l.learner() == null ? identity != null && !identity.isBlank() : !l.learner().equals(identity)) {
                    other = l.learner() == null ? Language.text("grade.seenBook") : Language.text("grade.seenLearner", l.learner());
                }
            }
        }
        if (other == null) return;
        String note = Language.text("grade.otherLearner", other, identity, identity, identity).strip();
        for (String id : Assignments.checkIds(source)) notes.merge(id, note, (a, b) -> a + "; " + b);
    }

    /**
     * A class list, {@code learner,identity} a line (a header line {@code learner,…} allowed): whose numbers each
     * learner's submission is graded with, where their folder's name is not their hub login; an empty identity grades
     * with the book's own numbers.
     */
    static Map<String, String> readClassList(Path file) {
        Map<String, String> identities = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int comma = line.indexOf(',');
                if (line.isBlank() || line.strip().startsWith("learner,")) continue;
                if (comma < 0) throw new IllegalArgumentException(file + ": '" + line + "' is not 'learner,identity' (e.g. nguyen-an,an.nguyen)");
                identities.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class list " + file, e);
        }
        return identities;
    }

    /**
     * The inputs each exercise drew for the learner in the grader's run (the executed notebooks under {@code workDir} of
     * {@code scores}' notebooks), by check id: "logvar = [0, 2, 0.4, -1.1]", several joined by "; "; empty where none.
     */
    static Map<String, String> inputs(Path workDir, List<Grader.Score> scores) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String notebook : scores.stream().map(Grader.Score::notebook).distinct().toList()) {
            Path executed = workDir.resolve(notebook);
            if (!notebook.endsWith(".ipynb") || !Files.isRegularFile(executed)) continue;
            try {
                Map<String, List<Line>> drawn = lines(Notebook.read(executed));
                for (Grader.Score s : scores) {
                    List<Line> lines = drawn.get(s.exercise().replaceFirst("-check$", ""));
                    if (lines != null) inputs.put(s.exercise(), String.join("; ", lines.stream().map(Line::inputs).toList()));
                }
            } catch (IllegalArgumentException | UncheckedIOException unreadable) {
                // a run stopped while writing it: no inputs to record, the scores say why
            }
        }
        return inputs;
    }
}
