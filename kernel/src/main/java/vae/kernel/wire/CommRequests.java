package vae.kernel.wire;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;
import vae.kernel.comm.CommManager;
import vae.kernel.comm.CommMessage;
import vae.kernel.evaluator.CellException;
import vae.kernel.session.CellContext;

/**
 * The frontend's {@code comm_open}, {@code comm_msg}, {@code comm_close} and {@code comm_info_request}. Handlers
 * (a widget's observers, a button's click) run on a thread of their own, never on a ZeroMQ socket's, with the cell
 * context of the message: what they print or display goes out under it, and the frontend shows it with the widget
 * that sent it. The shell waits for them, so they never run beside a cell. A handler that throws shows its error
 * there, like a cell's, and the kernel goes on; an interrupt stops one that hangs.
 */
final class CommRequests {
    private static final Logger LOG = Logger.getLogger(CommRequests.class.getName());

    private final Wire wire;
    private final CommManager comms;
    private final Function<Throwable, CellException> describe;
    private final ExecutorService handlers = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "comm-handlers");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread running;

    CommRequests(Wire wire, CommManager comms, Function<Throwable, CellException> describe) {
        this.wire = wire;
        this.comms = comms;
        this.describe = describe;
    }

    void open(Message m) {
        String target = m.string("target_name", "");
        run(m, () -> comms.opened(m.string("comm_id", ""), target, commMessage(m)));
    }

    void message(Message m) {
        run(m, () -> comms.received(commMessage(m)));
    }

    void close(Message m) {
        run(m, () -> comms.closed(commMessage(m)));
    }

    void info(ZMQ.Socket socket, Message m) {
        var reply = Replies.ok();
        reply.add("comms", comms.infoRequested(m.string("target_name", "")));
        wire.reply(socket, m, "comm_info_reply", reply);
    }

    /** Stops the running handler: interrupted first, stopped by force after {@link vae.kernel.evaluator.CellStopper#GRACE_MS}. */
    @SuppressWarnings("deprecation")
    void interrupt() {
        Thread t = running;
        if (t == null) {
            return;
        }
        if (!vae.kernel.evaluator.CellStopper.stoppedGently(t, () -> running)) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) { // Java 20 and later: nothing can stop it
                LOG.warning("A widget handler ignores the interrupt and cannot be stopped on this Java: " + e);
            }
        }
    }

    private static CommMessage commMessage(Message m) {
        var data = m.content().has("data") && m.content().get("data").isJsonObject()
                ? m.content().getAsJsonObject("data") : new com.google.gson.JsonObject();
        return new CommMessage(m.string("comm_id", ""), data, m.metadata(), m.buffers());
    }

    /** Runs {@code handler} on the handler thread under {@code m}'s cell context and waits for it. */
    private void run(Message m, Runnable handler) {
        WireOutput out = new WireOutput(wire, m, 0, false, false);
        try {
            handlers.submit(() -> {
                running = Thread.currentThread();
                CellContext.enter(out);
                try {
                    handler.run();
                } catch (Throwable t) {
                    report(out, m, t);
                } finally {
                    Thread.interrupted(); // an interrupt that came late must not hit the next handler
                    running = null;
                    CellContext.leave();
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "comm handler failed outside its guard", e.getCause());
        }
    }

    private void report(WireOutput out, Message m, Throwable t) {
        LOG.log(Level.INFO, "A handler of " + m.type() + " failed", t);
        try {
            CellContext.flush();
            if (t instanceof ThreadDeath) {
                out.error("Interrupted", "the widget's handler was stopped", List.of("Interrupted: the widget's handler was stopped"));
                return;
            }
            CellException e = describe.apply(t);
            out.error(e.ename(), e.evalue(), e.traceback());
        } catch (RuntimeException | LinkageError e) {
            out.error(t.getClass().getName(), String.valueOf(t.getMessage()), List.of(String.valueOf(t)));
        }
    }
}
