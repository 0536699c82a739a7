package vae.kernel;

import java.util.Locale;
import vae.Language;
import vae.train.TerminalProgressBar;

/**
 * A progress bar under the running cell, updated in place while a model trains.
 *
 * <pre>{@code
 * trainer.onProgress(Progress.bar("Training"));   // a vae.train.ProgressListener
 * someOtherLoop.listen(Progress.bar("Sampling")::onBatch);   // or any (epoch, epochs, batch, batches, loss)
 * }</pre>
 *
 * Epochs and batches count from 1. Updates are sent at most every {@link #MIN_INTERVAL_MS} ms, and always for the
 * last batch, so a fast loop does not flood the notebook.
 */
public final class Progress implements vae.train.ProgressListener {
    /** Fewer updates than this many milliseconds apart are skipped (the last batch is always shown). */
    public static final long MIN_INTERVAL_MS = 100;

    private final String title;
    private DisplayId id;
    private long lastSent;
    private double fraction;
    private String status = "";

    private Progress(String title) {
        this.title = title;
    }

    /** Shows an empty bar titled {@code title}. */
    public static Progress bar(String title) {
        Progress p = new Progress(title);
        p.id = Display.display(p);
        p.lastSent = System.nanoTime();
        return p;
    }

    public static Progress bar() {
        return bar("Progress");
    }

    /**
     * One batch done: shows epoch, batch and loss, in the library's language ({@code vae.Language}: "loss" is "mất mát"
     * in Vietnamese). Fits a listener {@code (epoch, epochs, batch, batches, loss)}.
     */
    @Override
    public void onBatch(int epoch, int epochs, int batch, int batches, double loss) {
        double done = (double) (epoch - 1) * batches + batch;
        String text = Language.text("progress.status", epoch, epochs, batch, batches, loss);
        update(done / ((double) epochs * batches), text, epoch == epochs && batch == batches);
    }

    /** Sets the bar to {@code fraction} (0..1) with a status text; {@code force} sends it even if the last update was just now. */
    public synchronized void update(double fraction, String status, boolean force) {
        this.fraction = Math.max(0, Math.min(1, fraction));
        this.status = status;
        long now = System.nanoTime();
        if (force || this.fraction >= 1 || (now - lastSent) / 1_000_000 >= MIN_INTERVAL_MS) {
            lastSent = now;
            Display.updateDisplay(id, this);
        }
    }

    public synchronized double fraction() {
        return fraction;
    }

    public String title() {
        return title;
    }

    public synchronized String status() {
        return status;
    }

    /** The display id the bar is shown under. */
    public DisplayId id() {
        return id;
    }

    /** {@code Training [##########..........]  50% epoch 1/2 · batch 10/10 · loss 0.1234} */
    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "%s %s %3d%% %s", title, TerminalProgressBar.bar(fraction, 20, '.'),
                Math.round(fraction * 100), status).stripTrailing();
    }
}
