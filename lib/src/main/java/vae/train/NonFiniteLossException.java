package vae.train;

/** Training produced a NaN or infinite loss; the message names the epoch and batch. */
public final class NonFiniteLossException extends RuntimeException {
    private final int epoch, batch;

    public NonFiniteLossException(int epoch, int batch, double loss) {
        super("The loss became " + loss + " at epoch " + epoch + ", batch " + batch
                + ": training stopped. Try a smaller learning rate, or check the input for extreme values");
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() { return epoch; }
    public int batch() { return batch; }
}
