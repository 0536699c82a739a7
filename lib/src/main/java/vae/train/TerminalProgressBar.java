package vae.train;

import java.io.PrintStream;

/**
 * A one-line progress bar for a terminal, redrawn in place with a carriage return. Its {@link #bar} also draws the
 * text of the kernel's live bar under a cell, so there is one way of drawing a bar.
 */
public final class TerminalProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;

    public TerminalProgressBar(PrintStream out) { this.out = out; }
    public TerminalProgressBar() { this(System.err); }

    /** The bar as text, e.g. {@code epoch 2/5 [#######-------] batch 35/71 loss 143.2}. */
    public static String render(int epoch, int epochs, int batch, int batches, double loss) {
        return String.format("epoch %d/%d %s batch %d/%d loss %.2f", epoch, epochs,
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
        out.printf("%nepoch %d: train %s, test %s (%.1f s)%n", epoch.number(), epoch.train(), epoch.test(), epoch.seconds());
    }
}
