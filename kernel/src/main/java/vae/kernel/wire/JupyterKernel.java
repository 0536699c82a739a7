package vae.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;
import vae.kernel.comm.CommManager;
import vae.kernel.session.IdleMemory;
import vae.kernel.session.Session;

/**
 * The Jupyter kernel: answers shell requests on one thread (cells run there), control requests (interrupt,
 * shutdown) on another, and publishes outputs on iopub. A failing cell never stops it; it exits on shutdown or
 * when the process that started it ({@code JPY_PARENT_PID}) is gone.
 */
public final class JupyterKernel {
    private static final Logger LOG = Logger.getLogger(JupyterKernel.class.getName());

    private final Wire wire;
    private final CompletableFuture<Session> session;
    private final Execution execution;
    private final Introspection introspection;
    private final WireComms transport;
    private final CommManager comms;
    private final CommRequests commRequests;
    private final IdleMemory idleMemory = new IdleMemory();

    /** Binds the sockets now; {@code session} (JShell's start-up takes a while) may still be starting. */
    public JupyterKernel(Wire wire, CompletableFuture<Session> session) {
        this.wire = wire;
        this.session = session;
        this.execution = new Execution(wire, this::awaitSession, this::handle);
        this.introspection = new Introspection(wire, this::awaitSession);
        this.transport = new WireComms(wire);
        this.comms = new CommManager(transport);
        this.commRequests = new CommRequests(wire, comms, t -> awaitSession().evaluator().failure(t));
    }

    /** This kernel's comms: widgets register their targets here before the frontend connects. */
    public CommManager comms() {
        return comms;
    }

    /** Runs until shutdown; returns the process exit code. */
    public int run() {
        Thread hb = daemon("heartbeat", wire::echoHeartbeats);
        Thread control = daemon("control", () -> loop(wire.control()));
        ParentWatch.start(() -> exit(0));
        hb.start();
        control.start();
        loop(wire.shell());
        return 0;
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void loop(ZMQ.Socket socket) {
        while (true) {
            Message m = wire.receive(socket);
            if (m == null) {
                return;
            }
            wire.publish(m, "status", Replies.status("busy"));
            // A slider being dragged counts as work like a cell: memory is given back once the learner lets go.
            boolean cell = m.type().equals("execute_request") || m.type().equals("comm_msg");
            if (cell) {
                idleMemory.busy();
            }
            try {
                handle(socket, m);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "Failed to handle " + m.type(), e);
            } finally {
                wire.publish(m, "status", Replies.status("idle"));
                if (cell) {
                    idleMemory.idle();
                }
            }
        }
    }

    private void handle(ZMQ.Socket socket, Message m) {
        // What a shell request causes (a widget's comm messages) goes out under it; control requests cause none.
        boolean shell = socket == wire.shell();
        Message before = shell ? transport.handling(m) : null;
        try {
            dispatch(socket, m);
        } finally {
            if (shell) {
                transport.handling(before);
            }
        }
    }

    private void dispatch(ZMQ.Socket socket, Message m) {
        switch (m.type()) {
            case "kernel_info_request" -> wire.reply(socket, m, "kernel_info_reply", KernelInfo.reply());
            case "execute_request" -> execution.execute(socket, m);
            case "complete_request" -> introspection.complete(socket, m);
            case "inspect_request" -> introspection.inspect(socket, m);
            case "is_complete_request" -> introspection.isComplete(socket, m);
            case "interrupt_request" -> {
                session().ifPresent(s -> s.evaluator().interrupt());
                commRequests.interrupt();
                wire.reply(socket, m, "interrupt_reply", Replies.ok());
            }
            case "shutdown_request" -> {
                JsonObject c = Replies.ok();
                c.addProperty("restart", m.bool("restart", false));
                wire.reply(socket, m, "shutdown_reply", c);
                wire.publish(m, "status", Replies.status("idle"));
                exit(0);
            }
            case "comm_info_request" -> commRequests.info(socket, m);
            case "history_request" -> {
                JsonObject c = Replies.ok();
                c.add("history", new JsonArray());
                wire.reply(socket, m, "history_reply", c);
            }
            case "comm_open" -> commRequests.open(m);
            case "comm_msg" -> commRequests.message(m);
            case "comm_close" -> commRequests.close(m);
            default -> LOG.warning("Ignoring unknown request " + m.type());
        }
    }

    private Optional<Session> session() {
        return Optional.ofNullable(session.getNow(null));
    }

    private Session awaitSession() {
        try {
            return session.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The Java evaluator failed to start: " + e.getCause(), e.getCause());
        }
    }

    private void exit(int code) {
        LOG.info("Kernel exiting");
        try {
            Thread.sleep(50); // let ZeroMQ send the last replies
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(code);
    }
}
