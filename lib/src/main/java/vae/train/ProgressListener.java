package vae.train;

/** Told of every batch and every epoch, e.g. to draw a progress bar. */
public interface ProgressListener {
    /** After each batch: 1-based epoch and batch numbers, and that batch's loss. */
    void onBatch(int epoch, int epochs, int batch, int batches, double loss);

    /** After each epoch, with its record. */
    default void onEpoch(History.Epoch epoch) {}

    ProgressListener NONE = (epoch, epochs, batch, batches, loss) -> {};
}
