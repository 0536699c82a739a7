package vae.kernel.comm;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * One end of a comm: the kernel's twin of an object in the frontend. Messages the frontend sends on it go to
 * {@link #onMessage}; {@link #send} and {@link #close} reach the frontend through the kernel's {@link CommManager}.
 * Handlers run on the kernel's comm thread with the cell context of the message that caused them.
 */
public final class Comm {
    private final CommManager manager;
    private final String id;
    private final String target;
    private volatile boolean open = true;
    private volatile Consumer<CommMessage> onMessage = m -> { };
    private volatile Consumer<CommMessage> onClose = m -> { };

    Comm(CommManager manager, String id, String target) {
        this.manager = manager;
        this.id = id;
        this.target = target;
    }

    /** The comm id, which a widget also uses as its model id. */
    public String id() {
        return id;
    }

    public String target() {
        return target;
    }

    public boolean isOpen() {
        return open;
    }

    /** Sends {@code data} to the frontend's twin ({@code comm_msg}). */
    public void send(JsonObject data) {
        send(data, new JsonObject(), List.of());
    }

    /** Sends {@code data} with metadata and binary buffers; nothing once the comm is closed. */
    public void send(JsonObject data, JsonObject metadata, List<byte[]> buffers) {
        if (open) {
            manager.publish("comm_msg", id, data, metadata, buffers);
        }
    }

    /** Closes the comm on both sides ({@code comm_close}); closing again does nothing. */
    public void close() {
        close(new JsonObject());
    }

    public void close(JsonObject data) {
        if (open) {
            open = false;
            manager.publish("comm_close", id, data, new JsonObject(), List.of());
            manager.forget(this);
        }
    }

    /** What to do with each message the frontend sends on this comm. */
    public Comm onMessage(Consumer<CommMessage> handler) {
        this.onMessage = handler;
        return this;
    }

    /** What to do when the frontend closes this comm. */
    public Comm onClose(Consumer<CommMessage> handler) {
        this.onClose = handler;
        return this;
    }

    void received(CommMessage message) {
        onMessage.accept(message);
    }

    void closedByFrontend(CommMessage message) {
        open = false;
        onClose.accept(message);
    }

    @Override
    public String toString() {
        return "Comm(" + target + ", " + id + (open ? ")" : ", closed)");
    }
}
