package vae.kernel.wire;

import com.google.gson.JsonObject;
import java.util.List;
import vae.kernel.comm.CommTransport;

/**
 * Comm messages on iopub, each under the shell request being handled when it is sent: the cell that made a widget,
 * or the frontend's {@code comm_msg} that moved it (as ipykernel does), so the frontend puts what follows from it
 * under the right cell. A thread that outlived its cell sends without a parent.
 */
final class WireComms implements CommTransport {
    private final Wire wire;
    private volatile Message handling;

    WireComms(Wire wire) {
        this.wire = wire;
    }

    /** The shell request being handled from now on (null: none); returns the one before, to put back. */
    Message handling(Message request) {
        Message before = handling;
        handling = request;
        return before;
    }

    @Override
    public void publish(String msgType, JsonObject content, JsonObject metadata, List<byte[]> buffers) {
        wire.publish(handling, msgType, content, metadata, buffers);
    }

    @Override
    public String parentId() {
        Message m = handling;
        return m == null ? "" : m.id();
    }
}
