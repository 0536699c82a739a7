package vae.lecturer;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every grading setting in one place, read from {@code notebooks/grading.json}.
 *
 * @param cellTimeoutSeconds      a cell running longer is interrupted and its check scores 0 ("timed out")
 * @param notebookTimeoutSeconds  a whole submission running longer is stopped; checks not reached score 0
 * @param maxHeapMegabytes        the heap of the JVM that runs one submission (a huge allocation fails there, not here)
 * @param notebooks               the assignment's notebooks (file names in notebooks/solutions), empty for all
 * @param points                  points per check grade_id, overriding the cells' nbgrader "points"
 * @param partialCredit           check grade_ids that give a share of their points per passing check in them ("*": every
 *                                check); a check cell's metadata {@code "vae": {"partial_credit": true}} says the same
 * @param deadline                when the work is due, ISO-8601 with its offset ({@code 2026-12-08T23:59:00+07:00}); null: none
 * @param lateGraceMinutes        work submitted this long after the deadline still counts as on time
 * @param latePenaltyPercentPerDay the share of a late notebook's points taken off per day, or part of a day, it is late
 *                                (100: late work scores 0; 0: late work is only marked late)
 * @param maxDiskMegabytes        what one submission may write in its working folder; a run writing more is stopped (0: 1024)
 * @param maxProcesses            the processes one submission's JVM may start; a run starting more is stopped (0: none allowed)
 */
public record GradingSettings(int cellTimeoutSeconds, int notebookTimeoutSeconds, int maxHeapMegabytes,
                              List<String> notebooks, Map<String, Double> points, List<String> partialCredit,
                              String deadline, int lateGraceMinutes, double latePenaltyPercentPerDay,
                              int maxDiskMegabytes, int maxProcesses) {
    public GradingSettings {
        notebooks = notebooks == null ? List.of() : List.copyOf(notebooks);
        points = points == null ? Map.of() : Map.copyOf(points);
        partialCredit = partialCredit == null ? List.of() : List.copyOf(partialCredit);
        if (maxDiskMegabytes == 0) maxDiskMegabytes = 1024;
        if (cellTimeoutSeconds < 1 || notebookTimeoutSeconds < cellTimeoutSeconds) {
            throw new IllegalArgumentException("cellTimeoutSeconds is " + cellTimeoutSeconds + " and notebookTimeoutSeconds " + notebookTimeoutSeconds
                    + "; expected 1 ≤ cell ≤ notebook");
        }
        if (maxHeapMegabytes < 256) throw new IllegalArgumentException("maxHeapMegabytes is " + maxHeapMegabytes + "; ND4J needs at least 256");
        if (latePenaltyPercentPerDay < 0 || latePenaltyPercentPerDay > 100 || lateGraceMinutes < 0) {
            throw new IllegalArgumentException("latePenaltyPercentPerDay is " + latePenaltyPercentPerDay + " and lateGraceMinutes " + lateGraceMinutes
                    + "; expected a percentage from 0 to 100 and minutes ≥ 0");
        }
        if (maxDiskMegabytes < 0 || maxProcesses < 0) {
            throw new IllegalArgumentException("maxDiskMegabytes is " + maxDiskMegabytes + " and maxProcesses " + maxProcesses + "; expected 0 or more");
        }
        if (deadline != null) Timestamps.parse(deadline, "the deadline in the grading settings");
    }

    /** The limits and points alone: no partial credit, no deadline, 1 GiB of disk, no processes. */
    public GradingSettings(int cellTimeoutSeconds, int notebookTimeoutSeconds, int maxHeapMegabytes, List<String> notebooks, Map<String, Double> points) {
        this(cellTimeoutSeconds, notebookTimeoutSeconds, maxHeapMegabytes, notebooks, points, List.of(), null, 0, 0, 0, 0);
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
        return new GradingSettings(cell, notebook, maxHeapMegabytes, notebooks, points, partialCredit, deadline, lateGraceMinutes,
                latePenaltyPercentPerDay, maxDiskMegabytes, maxProcesses);
    }

    public GradingSettings withPartialCredit(List<String> checks) {
        return new GradingSettings(cellTimeoutSeconds, notebookTimeoutSeconds, maxHeapMegabytes, notebooks, points, checks, deadline,
                lateGraceMinutes, latePenaltyPercentPerDay, maxDiskMegabytes, maxProcesses);
    }

    public GradingSettings withDeadline(String due, int graceMinutes, double penaltyPercentPerDay) {
        return new GradingSettings(cellTimeoutSeconds, notebookTimeoutSeconds, maxHeapMegabytes, notebooks, points, partialCredit, due,
                graceMinutes, penaltyPercentPerDay, maxDiskMegabytes, maxProcesses);
    }

    public GradingSettings withLimits(int diskMegabytes, int processes) {
        return new GradingSettings(cellTimeoutSeconds, notebookTimeoutSeconds, maxHeapMegabytes, notebooks, points, partialCredit, deadline,
                lateGraceMinutes, latePenaltyPercentPerDay, diskMegabytes, processes);
    }

    /** The deadline as an instant, or null when there is none. */
    Instant due() {
        return deadline == null ? null : Timestamps.parse(deadline, "the deadline in the grading settings");
    }
}
