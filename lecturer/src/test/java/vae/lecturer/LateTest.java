package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LateTest {
    static final GradingSettings DUE = GradingSettings.defaults().withDeadline("2026-12-08T23:59:00+07:00", 0, 100);
    static final List<Grader.Score> RIGHT = List.of(new Grader.Score("ana", "03.ipynb", "03-sigma-check", 2, 2, "✔ σ"));
    @TempDir Path dir;

    @Test
    void nbgradersTimestampAndIsoWithAnOffsetAreTheSameInstant() {
        assertEquals(Instant.parse("2026-12-08T16:59:00Z"), Timestamps.parse("2026-12-08 16:59:00.000000 UTC", "t"));
        assertEquals(Instant.parse("2026-12-08T16:59:00Z"), Timestamps.parse("2026-12-08T23:59:00+07:00", "t"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("next Tuesday", "the deadline"));
        assertTrue(e.getMessage().startsWith("the deadline is 'next Tuesday'; expected ISO-8601 with an offset"), e.getMessage());
    }

    @Test
    void aFullPenaltyScoresLateWorkZeroAndOnTimeWorkKeepsItsPoints() {
        assertEquals(RIGHT, Late.apply(RIGHT, "2026-12-08 16:59:00.000000 UTC", DUE), "submitted at the deadline");
        Grader.Score late = Late.apply(RIGHT, "2026-12-08 17:29:00.000000 UTC", DUE).get(0);
        assertEquals(new Grader.Score("ana", "03.ipynb", "03-sigma-check", 0, 2, "✔ σ [late by 30 min: −100% of the points]", 0.5, 2, null, null), late);
        assertEquals(RIGHT, Late.apply(RIGHT, null, DUE), "no submission time: on time");
    }

    @Test
    void anUnreadableSubmissionTimeIsGradedOnTimeAndSaysSo() {
        String feedback = Late.apply(RIGHT, "yesterday", DUE).get(0).feedback();
        assertTrue(feedback.startsWith("✔ σ [the submission time is 'yesterday'; expected ISO-8601"), feedback);
        assertTrue(feedback.endsWith("; graded as on time]"), feedback);
    }

    @Test
    void submissionTimesComeFromALecturersCsv() throws Exception {
        Path csv = dir.resolve("times.csv");
        Files.writeString(csv, "learner,timestamp\nana,2026-12-08T10:00:00Z\nbao,2026-12-09 01:00:00.5 UTC\n");
        assertEquals(Map.of("ana", "2026-12-08T10:00:00Z", "bao", "2026-12-09 01:00:00.5 UTC"), Timestamps.readCsv(csv));
    }

    @Test
    void impossiblePenaltiesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DUE.withDeadline(DUE.deadline(), 0, 150));
        assertTrue(e.getMessage().startsWith("latePenaltyPercentPerDay is 150.0"), e.getMessage());
    }
}
