package vae.kernel.comm;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * How comm messages reach the frontend: on iopub, under the request being handled (a cell's {@code execute_request}
 * or the frontend's {@code comm_msg}), so the frontend knows which cell caused them.
 */
public interface CommTransport {
    /** Publishes a {@code comm_open}, {@code comm_msg} or {@code comm_close} with its metadata and binary buffers. */
    void publish(String msgType, JsonObject content, JsonObject metadata, List<byte[]> buffers);

    /**
     * The {@code msg_id} of the request being handled now, or "" when none is (a thread that outlived its cell). An
     * Output widget captures what is published under it.
     */
    String parentId();
}
