package vae.kernel;

/** What {@link Display#display} returns: the id to update; a cell that ends with it shows nothing more. */
public record DisplayId(String id) {
    @Override
    public String toString() {
        return id;
    }
}
