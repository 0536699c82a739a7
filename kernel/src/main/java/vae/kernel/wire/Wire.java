package vae.kernel.wire;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five ZeroMQ sockets. Each socket has one thread that blocks on it, so a request is handled the moment
 * it arrives (no polling sleep); iopub is shared and guarded by a lock. Messages are framed by {@link WireFormat}.
 */
public final class Wire implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Wire.class.getName());

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket heartbeat;
    private final WireFormat format;
    private final Object iopubLock = new Object();

    public Wire(ConnectionInfo info) {
        this.format = new WireFormat(info.key());
        this.shell = bind(SocketType.ROUTER, info.address(info.shellPort()));
        this.control = bind(SocketType.ROUTER, info.address(info.controlPort()));
        this.stdin = bind(SocketType.ROUTER, info.address(info.stdinPort()));
        this.iopub = bind(SocketType.PUB, info.address(info.iopubPort()));
        // ZeroMQ's PUB socket drops messages beyond its high-water mark (1,000 by default): a chatty cell lost output
        // and even its final "idle". No limit: every output reaches the frontend, in order.
        iopub.setSndHWM(0);
        this.heartbeat = bind(SocketType.REP, info.address(info.hbPort()));
    }

    private ZMQ.Socket bind(SocketType type, String address) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(1000);
        s.bind(address);
        return s;
    }

    public ZMQ.Socket shell() {
        return shell;
    }

    public ZMQ.Socket control() {
        return control;
    }

    /** Echoes heartbeats until the context closes; run on its own thread. */
    public void echoHeartbeats() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] ping = heartbeat.recv(0);
                if (ping == null) {
                    return;
                }
                heartbeat.send(ping, 0);
            }
        } catch (RuntimeException e) {
            LOG.fine("heartbeat stopped: " + e);
        }
    }

    /** Blocks until a message arrives on {@code socket}; null once the wire is closed. Drops messages with a bad signature. */
    public Message receive(ZMQ.Socket socket) {
        while (true) {
            List<byte[]> frames;
            try {
                frames = frames(socket, 0);
            } catch (RuntimeException e) {
                return null; // closed
            }
            if (frames == null) {
                return null;
            }
            Message m = format.parse(frames);
            if (m != null) {
                return m;
            }
        }
    }

    /** A message already waiting on {@code socket}, or null if none is (does not block). */
    public Message receiveWaiting(ZMQ.Socket socket) {
        List<byte[]> frames = frames(socket, ZMQ.DONTWAIT);
        return frames == null ? null : format.parse(frames);
    }

    /** The frames of one message, or null when none came (non-blocking, a timeout, or a closed socket). */
    private static List<byte[]> frames(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** Sends a reply to {@code request} on the socket it came from. */
    public void reply(ZMQ.Socket socket, Message request, String type, JsonObject content) {
        send(socket, format.frames(request.identities(), request.header(), type, content, new JsonObject()));
    }

    /**
     * Asks the frontend that sent {@code request} for a line ({@code input_request} on stdin) and waits for its
     * {@code input_reply}. An interrupt of the waiting thread ends the wait.
     */
    public String input(Message request, String prompt, boolean password) throws InterruptedException {
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", password);
        synchronized (stdin) {
            while (receiveWaiting(stdin) != null) {
                // a stale reply to an earlier, interrupted request
            }
            send(stdin, format.frames(request.identities(), request.header(), "input_request", content, new JsonObject()));
            stdin.setReceiveTimeOut(100);
            try {
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("interrupted while waiting for keyboard input");
                    }
                    List<byte[]> frames = frames(stdin, 0);
                    Message reply = frames == null ? null : format.parse(frames);
                    if (reply != null && reply.type().equals("input_reply")) {
                        return reply.string("value", "");
                    }
                }
            } finally {
                stdin.setReceiveTimeOut(-1);
            }
        }
    }

    /** Publishes on iopub, with {@code parent} as the parent header (null: none). */
    public void publish(Message parent, String type, JsonObject content) {
        publish(parent, type, content, new JsonObject(), List.of());
    }

    /** Publishes on iopub with metadata and binary buffers (a comm message's). */
    public void publish(Message parent, String type, JsonObject content, JsonObject metadata, List<byte[]> buffers) {
        List<byte[]> topic = List.of(("kernel." + format.session() + "." + type).getBytes(StandardCharsets.UTF_8));
        synchronized (iopubLock) {
            send(iopub, format.frames(topic, parent == null ? new JsonObject() : parent.header(), type, content, metadata, buffers));
        }
    }

    private static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size() - 1; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(frames.size() - 1), 0);
    }

    @Override
    public void close() {
        context.close();
    }
}
