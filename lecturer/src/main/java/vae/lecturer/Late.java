package vae.lecturer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vae.Language;

/**
 * The late penalty of {@code grading.json}: work submitted after the deadline (and its grace minutes) loses
 * {@code latePenaltyPercentPerDay} of its points per day, or part of a day, that it is late, and is marked late in the
 * CSVs, the report and the learner's feedback.
 */
final class Late {
    private Late() {}

    static List<Grader.Score> apply(List<Grader.Score> scores, String submitted, GradingSettings settings) {
        Instant due = settings.due();
        if (due == null || submitted == null) return scores;
        Instant at;
        try {
            at = Timestamps.parse(submitted, "the submission time");
        } catch (IllegalArgumentException unreadable) {
            return scores.stream().map(s -> with(s, s.points(), s.feedback() + Language.text("grade.timeUnreadable", unreadable.getMessage()), 0)).toList();
        }
        Duration late = Duration.between(due, at);
        if (late.compareTo(Duration.ofMinutes(settings.lateGraceMinutes())) <= 0) return scores;
        long days = (late.toSeconds() + 86_399) / 86_400;
        double share = Math.min(1, days * settings.latePenaltyPercentPerDay() / 100);
        double hours = Math.round(late.toSeconds() / 36.0) / 100.0;
        String note = share == 0 ? Language.text("grade.late", describe(late))
                : Language.text("grade.latePenalty", describe(late), Feedback.fmt(Math.round(share * 1000) / 10.0));
        return scores.stream().map(s -> with(s, round(s.points() * (1 - share)), s.feedback() + note, hours)).toList();
    }

    private static Grader.Score with(Grader.Score s, double points, String feedback, double hours) {
        return new Grader.Score(s.learner(), s.notebook(), s.exercise(), points, s.maxPoints(), feedback, hours, round(s.points() - points),
                s.expected(), s.got(), s.miss());
    }

    static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }

    static String describe(Duration late) {
        long d = late.toDays(), h = late.toHoursPart(), m = late.toMinutesPart();
        return d > 0 ? Language.text("grade.daysHours", d, h) : h > 0 ? Language.text("grade.hoursMinutes", h, m) : Language.text("grade.minutes", Math.max(1, m));
    }
}
