package vae.lecturer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When work was submitted: nbgrader's {@code timestamp.txt} in the learner's folder ({@code 2026-12-01 14:03:12.123456 UTC}),
 * or a lecturer's CSV of {@code learner,timestamp} lines; and the deadline. Both as ISO-8601 with an offset, or nbgrader's form.
 */
final class Timestamps {
    private Timestamps() {}

    static Instant parse(String text, String what) {
        String t = text.strip();
        String iso = t.replaceFirst(" UTC$", "Z").replaceFirst("^(\\d{4}-\\d\\d-\\d\\d) ", "$1T").replaceFirst(" ([+-]\\d\\d:?\\d\\d)$", "$1");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notIso) {
            throw new IllegalArgumentException(what + " is '" + t + "'; expected ISO-8601 with an offset (2026-12-08T23:59:00+07:00)"
                    + " or nbgrader's timestamp.txt form (2026-12-08 16:59:00.000000 UTC)");
        }
    }

    /** The {@code learner,timestamp} lines of a CSV (a header line that does not parse as a time is skipped). */
    static Map<String, String> readCsv(Path file) {
        Map<String, String> times = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int comma = line.indexOf(',');
                if (line.isBlank() || comma < 0) continue;
                String learner = line.substring(0, comma).strip(), time = line.substring(comma + 1).strip();
                try {
                    parse(time, "");
                    times.put(learner, time);
                } catch (IllegalArgumentException header) {
                    if (!times.isEmpty()) throw new IllegalArgumentException(file + ": the submission time of " + learner + " is '" + time
                            + "'; expected ISO-8601 with an offset (2026-12-08T23:59:00+07:00) or nbgrader's form (2026-12-08 16:59:00.000000 UTC)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the submission times in " + file, e);
        }
        return times;
    }

    /** nbgrader's {@code timestamp.txt} beside a learner's notebook, in its folder; null when there is none. */
    static String fromFolder(Path notebook) {
        Path file = notebook.resolveSibling("timestamp.txt");
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
