package vae.lecturer;

import java.io.PrintStream;
import java.util.List;

/** One line per graded submission while a class is graded: how many are done, how long it has taken, about how long is left. */
final class Progress {
    private final int total, jobs;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private int done;

    Progress(int total, int jobs, PrintStream out) {
        this.total = total;
        this.jobs = jobs;
        this.out = out;
    }

    synchronized void done(String file, List<Grader.Score> scores) {
        done++;
        if (out == null) return;
        double got = scores.stream().mapToDouble(Grader.Score::points).sum(), max = scores.stream().mapToDouble(Grader.Score::maxPoints).sum();
        long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
        // What is left takes as long per submission as what is done so far (the jobs run side by side).
        long left = done == 0 ? 0 : elapsed * (total - done) / done;
        out.printf("graded %d/%d (%d at a time) %s: %s of %s points · %s elapsed, about %s left%n",
                done, total, jobs, file, Feedback.fmt(got), Feedback.fmt(max), clock(elapsed), clock(left));
        out.flush();
    }

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
