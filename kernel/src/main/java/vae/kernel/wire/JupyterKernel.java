package vae.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;
import vae.kernel.evaluator.CellException;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.session.Session;

/**
 * The Jupyter kernel: answers shell requests on one thread (cells run there), control requests (interrupt,
 * shutdown) on another, and publishes outputs on iopub. A failing cell never stops it; it exits on shutdown or
 * when the process that started it ({@code JPY_PARENT_PID}) is gone.
 */
public final class JupyterKernel {
    private static final Logger LOG = Logger.getLogger(JupyterKernel.class.getName());
    public static final String VERSION = "0.1.0";

    private final Wire wire;
    private final CompletableFuture<Session> session;
    private int executionCount = 0;
    private final vae.kernel.session.IdleMemory idleMemory = new vae.kernel.session.IdleMemory();

    /** Binds the sockets now; {@code session} (JShell's start-up takes a while) may still be starting. */
    public JupyterKernel(Wire wire, CompletableFuture<Session> session) {
        this.wire = wire;
        this.session = session;
    }

    /** Runs until shutdown; returns the process exit code. */
    public int run() throws InterruptedException {
        Thread hb = daemon("heartbeat", wire::echoHeartbeats);
        Thread control = daemon("control", () -> loop(wire.control()));
        watchParent();
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
            wire.publish(m, "status", status("busy"));
            boolean cell = m.type().equals("execute_request");
            if (cell) {
                idleMemory.busy();
            }
            try {
                handle(socket, m);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "Failed to handle " + m.type(), e);
            } finally {
                wire.publish(m, "status", status("idle"));
                if (cell) {
                    idleMemory.idle();
                }
            }
        }
    }

    private void handle(ZMQ.Socket socket, Message m) {
        switch (m.type()) {
            case "kernel_info_request" -> wire.reply(socket, m, "kernel_info_reply", kernelInfo());
            case "execute_request" -> execute(socket, m);
            case "complete_request" -> complete(socket, m);
            case "inspect_request" -> inspect(socket, m);
            case "is_complete_request" -> isComplete(socket, m);
            case "interrupt_request" -> {
                session().ifPresent(s -> s.evaluator().interrupt());
                wire.reply(socket, m, "interrupt_reply", ok());
            }
            case "shutdown_request" -> {
                JsonObject c = ok();
                c.addProperty("restart", m.bool("restart", false));
                wire.reply(socket, m, "shutdown_reply", c);
                wire.publish(m, "status", status("idle"));
                exit(0);
            }
            case "comm_info_request" -> {
                JsonObject c = ok();
                c.add("comms", new JsonObject());
                wire.reply(socket, m, "comm_info_reply", c);
            }
            case "history_request" -> {
                JsonObject c = ok();
                c.add("history", new JsonArray());
                wire.reply(socket, m, "history_reply", c);
            }
            case "comm_open", "comm_msg", "comm_close" -> { } // no comms: ignore, as the protocol allows
            default -> LOG.warning("Ignoring unknown request " + m.type());
        }
    }

    private java.util.Optional<Session> session() {
        return java.util.Optional.ofNullable(session.getNow(null));
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

    // ---- execute

    private void execute(ZMQ.Socket socket, Message m) {
        String code = m.string("code", "");
        boolean silent = m.bool("silent", false);
        boolean store = m.bool("store_history", true) && !silent;
        if (store) {
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
            awaitSession().execute(code, "In [" + count + "]", new WireOutput(wire, m, count, silent, m.bool("allow_stdin", false)));
            reply.addProperty("status", "ok");
            reply.add("user_expressions", new JsonObject());
            reply.add("payload", new JsonArray());
        } catch (CellException e) {
            JsonObject error = new JsonObject();
            error.addProperty("ename", e.ename());
            error.addProperty("evalue", e.evalue());
            JsonArray tb = new JsonArray();
            e.traceback().forEach(tb::add);
            error.add("traceback", tb);
            if (!silent) {
                wire.publish(m, "error", error.deepCopy());
            }
            reply = error;
            reply.addProperty("status", "error");
        } catch (RuntimeException | LinkageError e) {
            // Not the cell's fault, but the kernel lives on: report it like a cell error.
            LOG.log(Level.SEVERE, "Kernel error while running a cell", e);
            reply.addProperty("status", "error");
            reply.addProperty("ename", e.getClass().getName());
            reply.addProperty("evalue", String.valueOf(e.getMessage()));
            JsonArray tb = new JsonArray();
            tb.add("Kernel error: " + e + " (details in " + vae.kernel.KernelLog.directory() + ")");
            reply.add("traceback", tb);
            if (!silent) {
                wire.publish(m, "error", reply.deepCopy());
            }
        }
        reply.addProperty("execution_count", count);
        wire.reply(socket, m, "execute_reply", reply);
        if ("error".equals(reply.get("status").getAsString()) && m.bool("stop_on_error", true)) {
            abortWaitingCells(socket);
        }
    }

    /**
     * After a failed cell, the cells already sent behind it ("Run All") are answered "aborted" instead of run,
     * as ipykernel does, so one error does not cascade; other requests waiting meanwhile are answered as usual.
     */
    private void abortWaitingCells(ZMQ.Socket socket) {
        Message next;
        while ((next = wire.receiveWaiting(socket)) != null) {
            wire.publish(next, "status", status("busy"));
            try {
                if (next.type().equals("execute_request")) {
                    JsonObject aborted = new JsonObject();
                    aborted.addProperty("status", "aborted");
                    aborted.addProperty("execution_count", executionCount);
                    wire.reply(socket, next, "execute_reply", aborted);
                } else {
                    handle(socket, next);
                }
            } finally {
                wire.publish(next, "status", status("idle"));
            }
        }
    }

    // ---- introspection

    private void complete(ZMQ.Socket socket, Message m) {
        String code = m.string("code", "");
        int cursor = Math.min(m.integer("cursor_pos", code.length()), code.length());
        Evaluator.Completion c = awaitSession().complete(code, cursor);
        JsonObject r = ok();
        JsonArray matches = new JsonArray();
        c.matches().forEach(matches::add);
        r.add("matches", matches);
        r.addProperty("cursor_start", c.start());
        r.addProperty("cursor_end", c.end());
        r.add("metadata", new JsonObject());
        wire.reply(socket, m, "complete_reply", r);
    }

    private void inspect(ZMQ.Socket socket, Message m) {
        String code = m.string("code", "");
        int cursor = Math.min(m.integer("cursor_pos", code.length()), code.length());
        var doc = awaitSession().inspect(code, cursor);
        JsonObject r = ok();
        r.addProperty("found", doc.isPresent());
        JsonObject data = new JsonObject();
        doc.ifPresent(d -> data.addProperty("text/plain", d));
        r.add("data", data);
        r.add("metadata", new JsonObject());
        wire.reply(socket, m, "inspect_reply", r);
    }

    private void isComplete(ZMQ.Socket socket, Message m) {
        Evaluator.Readiness readiness = awaitSession().readiness(m.string("code", ""));
        JsonObject r = new JsonObject();
        r.addProperty("status", readiness.name().toLowerCase(java.util.Locale.ROOT));
        if (readiness == Evaluator.Readiness.INCOMPLETE) {
            r.addProperty("indent", "    ");
        }
        wire.reply(socket, m, "is_complete_reply", r);
    }

    private static JsonObject kernelInfo() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java-source");
        language.addProperty("file_extension", ".jshell");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        JsonObject r = ok();
        r.addProperty("protocol_version", "5.3");
        r.addProperty("implementation", "vae-java");
        r.addProperty("implementation_version", VERSION);
        r.add("language_info", language);
        r.addProperty("banner", "Java " + Runtime.version() + " (JShell) with the VAE notebooks library. Magics: %jars %classpath %maven %load %time %%time");
        r.add("help_links", new JsonArray());
        return r;
    }

    private static JsonObject ok() {
        JsonObject o = new JsonObject();
        o.addProperty("status", "ok");
        return o;
    }

    private static JsonObject status(String state) {
        JsonObject o = new JsonObject();
        o.addProperty("execution_state", state);
        return o;
    }

    /** Exits when the process that started the kernel (JPY_PARENT_PID, as ipykernel reads it) is gone. */
    private void watchParent() {
        String pid = System.getenv(vae.EnvironmentNames.JPY_PARENT_PID);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long parent;
        try {
            parent = Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return;
        }
        Thread t = daemon("parent-watch", () -> {
            while (true) {
                if (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    LOG.info("Parent process " + parent + " is gone; exiting");
                    exit(0);
                }
            }
        });
        t.start();
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
