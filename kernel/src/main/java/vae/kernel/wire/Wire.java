package vae.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five ZeroMQ sockets and the signed message format. Each socket has one thread that blocks on it,
 * so a request is handled the moment it arrives (no polling sleep); iopub is shared and guarded by a lock.
 */
public final class Wire implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Wire.class.getName());
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.UTF_8);
    private static final Gson GSON = new Gson();

    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket heartbeat;
    private final String key;
    private final String session = UUID.randomUUID().toString();
    private final Object iopubLock = new Object();

    public Wire(ConnectionInfo info) {
        this.key = info.key();
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
            List<byte[]> frames = new ArrayList<>();
            try {
                byte[] first = socket.recv(0);
                if (first == null) {
                    return null;
                }
                frames.add(first);
                while (socket.hasReceiveMore()) {
                    frames.add(socket.recv(0));
                }
            } catch (RuntimeException e) {
                return null; // closed
            }
            Message m = parse(frames);
            if (m != null) {
                return m;
            }
        }
    }

    /** The message in {@code frames}, or null (logged) if it is malformed or its signature is wrong. */
    private Message parse(List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIMITER)) {
            d++;
        }
        if (d + 5 >= frames.size()) {
            LOG.warning("Dropping a malformed message of " + frames.size() + " frames");
            return null;
        }
        String signature = new String(frames.get(d + 1), StandardCharsets.UTF_8);
        byte[][] parts = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
        if (!key.isEmpty() && !MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                sign(parts).getBytes(StandardCharsets.UTF_8))) {
            LOG.warning("Dropping a message with a bad signature");
            return null;
        }
        return new Message(List.copyOf(frames.subList(0, d)), json(parts[0]), json(parts[1]), json(parts[2]), json(parts[3]));
    }

    /** A message already waiting on {@code socket}, or null if none is (does not block). */
    public Message receiveWaiting(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return parse(frames);
    }

    /** Sends a reply to {@code request} on the socket it came from. */
    public void reply(ZMQ.Socket socket, Message request, String type, JsonObject content) {
        send(socket, request.identities(), request.header(), type, content, new JsonObject());
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
            send(stdin, request.identities(), request.header(), "input_request", content, new JsonObject());
            stdin.setReceiveTimeOut(100);
            try {
                while (true) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("interrupted while waiting for keyboard input");
                    }
                    Message reply = receiveOnce(stdin);
                    if (reply != null && reply.type().equals("input_reply")) {
                        return reply.string("value", "");
                    }
                }
            } finally {
                stdin.setReceiveTimeOut(-1);
            }
        }
    }

    /** One message, or null when the socket's receive timeout passed first. */
    private Message receiveOnce(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return parse(frames);
    }

    /** Publishes on iopub, with {@code parent} as the parent header (null: none). */
    public void publish(Message parent, String type, JsonObject content) {
        List<byte[]> topic = List.of(("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8));
        synchronized (iopubLock) {
            send(iopub, topic, parent == null ? new JsonObject() : parent.header(), type, content, new JsonObject());
        }
    }

    private void send(ZMQ.Socket socket, List<byte[]> identities, JsonObject parentHeader, String type, JsonObject content,
                      JsonObject metadata) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "kernel");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] parts = {bytes(header), bytes(parentHeader), bytes(metadata), bytes(content)};
        for (byte[] id : identities) {
            socket.sendMore(id);
        }
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        socket.sendMore(parts[0]);
        socket.sendMore(parts[1]);
        socket.sendMore(parts[2]);
        socket.send(parts[3], 0);
    }

    private String sign(byte[][] parts) {
        if (key.isEmpty()) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject json(byte[] b) {
        return JsonParser.parseString(new String(b, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Override
    public void close() {
        context.close();
    }
}
