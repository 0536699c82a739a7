package vae.train;

import java.io.PrintStream;
import vae.Language;

/**
 * A one-line progress bar for a terminal, redrawn in place with a carriage return. Its {@link #bar} also draws the
 * text of the kernel's live bar under a cell, so there is one way of drawing a bar.
 */
public final class TerminalProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;

    public TerminalProgressBar(PrintStream out) { this.out = out; }
    public TerminalProgressBar() { this(System.err); }

    /** The bar as text in the reader's language, e.g. {@code epoch 2/5 [#######-------] batch 35/71 loss 143.20}. */
    public static String render(int epoch, int epochs, int batch, int batches, double loss) {
        return Language.text("progress.terminal", epoch, epochs,
                bar(batch / (double) Math.max(1, batches), WIDTH, '-'), batch, batches, loss);
    }

    /** {@code [####----]}: {@code width} cells, the share {@code fraction} (0..1) of them filled with #, the rest with {@code empty}. */
    public static String bar(double fraction, int width, char empty) {
        int filled = (int) Math.round(width * Math.max(0, Math.min(1, fraction)));
        return "[" + "#".repeat(filled) + String.valueOf(empty).repeat(width - filled) + "]";
    }

    @Override public void onBatch(int epoch, int epochs, int batch, int batches, double loss) {
        out.print("\r" + render(epoch, epochs, batch, batches, loss));
        out.flush();
    }

    @Override public void onEpoch(History.Epoch epoch) {
        out.printf("%n%s%n", Language.text("progress.epochDone", epoch.number(), History.fourDigits(epoch.train()), History.fourDigits(epoch.test()), epoch.seconds()));
    }
}
