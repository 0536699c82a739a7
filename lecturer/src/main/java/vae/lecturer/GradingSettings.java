package vae.lecturer;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every grading setting in one place, read from {@code notebooks/grading.json}.
 *
 * @param cellTimeoutSeconds     a cell running longer is interrupted and its check scores 0 ("timed out")
 * @param notebookTimeoutSeconds a whole submission running longer is stopped; checks not reached score 0
 * @param maxHeapMegabytes       the heap of the JVM that runs one submission (a huge allocation fails there, not here)
 * @param notebooks              the assignment's notebooks (file names in notebooks/solutions), empty for all
 * @param points                 points per check grade_id, overriding the cells' nbgrader "points"
 */
public record GradingSettings(int cellTimeoutSeconds, int notebookTimeoutSeconds, int maxHeapMegabytes,
                              List<String> notebooks, Map<String, Double> points) {
    public GradingSettings {
        notebooks = notebooks == null ? List.of() : List.copyOf(notebooks);
        points = points == null ? Map.of() : Map.copyOf(points);
        if (cellTimeoutSeconds < 1 || notebookTimeoutSeconds < cellTimeoutSeconds) {
            throw new IllegalArgumentException("cellTimeoutSeconds is " + cellTimeoutSeconds + " and notebookTimeoutSeconds " + notebookTimeoutSeconds
                    + "; expected 1 ≤ cell ≤ notebook");
        }
        if (maxHeapMegabytes < 256) throw new IllegalArgumentException("maxHeapMegabytes is " + maxHeapMegabytes + "; ND4J needs at least 256");
    }

    /** It's equivalent to this: {@code new GradingSettings(60, 600, 2048, List.of(), Map.of())}. */
    public static GradingSettings defaults() { return new GradingSettings(60, 600, 2048, List.of(), Map.of()); }

    public static GradingSettings read(Path file) {
        try {
            // Gson builds records through their canonical constructor, so the checks above have run.
            GradingSettings s = new Gson().fromJson(Files.readString(file), GradingSettings.class);
            if (s == null) throw new IllegalArgumentException(file + " is empty");
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read grading settings " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    public GradingSettings withTimeouts(int cell, int notebook) {
        return new GradingSettings(cell, notebook, maxHeapMegabytes, notebooks, points);
    }
}
