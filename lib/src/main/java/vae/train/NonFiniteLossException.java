package vae.train;

import vae.Language;

/** Training produced a NaN or infinite loss; the message names the epoch and batch. */
public final class NonFiniteLossException extends RuntimeException {
    private final int epoch, batch;

    public NonFiniteLossException(int epoch, int batch, double loss) {
        super(Language.text("error.training.nonFinite", loss, epoch, batch));
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() { return epoch; }
    public int batch() { return batch; }
}
