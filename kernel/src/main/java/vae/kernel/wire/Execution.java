package vae.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;
import vae.kernel.KernelLog;
import vae.kernel.evaluator.CellException;
import vae.kernel.notebook.OutputJson;
import vae.kernel.session.Session;

/**
 * {@code execute_request}: counts the cell, echoes it ({@code execute_input}), runs it with its output going to iopub,
 * answers {@code execute_reply}, and after a failure answers the cells queued behind it "aborted".
 */
final class Execution {
    private static final Logger LOG = Logger.getLogger(Execution.class.getName());

    private final Wire wire;
    private final Supplier<Session> session;
    /** How requests other than cells that arrive while aborting are answered. */
    private final BiConsumer<ZMQ.Socket, Message> others;
    private int executionCount = 0;

    Execution(Wire wire, Supplier<Session> session, BiConsumer<ZMQ.Socket, Message> others) {
        this.wire = wire;
        this.session = session;
        this.others = others;
    }

    void execute(ZMQ.Socket socket, Message m) {
        String code = m.string("code", "");
        boolean silent = m.bool("silent", false);
        if (m.bool("store_history", true) && !silent) {
            executionCount++;
        }
        int count = executionCount;
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            wire.publish(m, "execute_input", input);
        }
        JsonObject reply = new JsonObject();
        try {
            session.get().execute(code, "In [" + count + "]", new WireOutput(wire, m, count, silent, m.bool("allow_stdin", false)));
            reply.addProperty("status", "ok");
            reply.add("user_expressions", new JsonObject());
            reply.add("payload", new JsonArray());
        } catch (CellException e) {
            reply = error(e.ename(), e.evalue(), e.traceback());
        } catch (RuntimeException | LinkageError e) {
            // Not the cell's fault, but the kernel lives on: report it like a cell error.
            LOG.log(Level.SEVERE, "Kernel error while running a cell", e);
            reply = error(e.getClass().getName(), String.valueOf(e.getMessage()),
                    java.util.List.of("Kernel error: " + e + " (details in " + KernelLog.directory() + ")"));
        }
        if (reply.has("traceback") && !silent) {
            JsonObject published = reply.deepCopy();
            published.remove("status");
            wire.publish(m, "error", published);
        }
        reply.addProperty("execution_count", count);
        wire.reply(socket, m, "execute_reply", reply);
        if ("error".equals(reply.get("status").getAsString()) && m.bool("stop_on_error", true)) {
            abortWaitingCells(socket);
        }
    }

    private static JsonObject error(String ename, String evalue, java.util.List<String> traceback) {
        JsonObject error = OutputJson.error(ename, evalue, traceback);
        error.addProperty("status", "error");
        return error;
    }

    /**
     * After a failed cell, the cells already sent behind it ("Run All") are answered "aborted" instead of run,
     * as ipykernel does, so one error does not cascade; other requests waiting meanwhile are answered as usual.
     */
    private void abortWaitingCells(ZMQ.Socket socket) {
        Message next;
        while ((next = wire.receiveWaiting(socket)) != null) {
            wire.publish(next, "status", Replies.status("busy"));
            try {
                if (next.type().equals("execute_request")) {
                    JsonObject aborted = new JsonObject();
                    aborted.addProperty("status", "aborted");
                    aborted.addProperty("execution_count", executionCount);
                    wire.reply(socket, next, "execute_reply", aborted);
                } else {
                    others.accept(socket, next);
                }
            } finally {
                wire.publish(next, "status", Replies.status("idle"));
            }
        }
    }
}
