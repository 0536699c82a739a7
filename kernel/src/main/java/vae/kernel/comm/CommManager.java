package vae.kernel.comm;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The comms of one kernel: the targets a frontend may open, the comms open now, and the dispatch of the frontend's
 * {@code comm_open}, {@code comm_msg} and {@code comm_close} to them (Jupyter messaging protocol, "Custom messages").
 * A handler's exception reaches the caller, which reports it under the message; the manager itself stays usable.
 */
public final class CommManager {
    private static final Logger LOG = Logger.getLogger(CommManager.class.getName());
    private static volatile CommManager current;

    private final CommTransport transport;
    private final Map<String, CommTarget> targets = new ConcurrentHashMap<>();
    private final Map<String, Comm> comms = new ConcurrentHashMap<>();
    private final List<Consumer<String>> infoListeners = new CopyOnWriteArrayList<>();

    public CommManager(CommTransport transport) {
        this.transport = transport;
    }

    /** The comms of the kernel running in this JVM; empty where none runs (the headless runner, the grader). */
    public static Optional<CommManager> current() {
        return Optional.ofNullable(current);
    }

    /** Makes {@code manager} the one {@link #current()} returns (null: none). */
    public static void install(CommManager manager) {
        current = manager;
    }

    /** Lets the frontend open comms to {@code name}; the target decides what each new comm does. */
    public void registerTarget(String name, CommTarget target) {
        targets.put(name, target);
    }

    public void unregisterTarget(String name) {
        targets.remove(name);
    }

    /** Opens a comm to the frontend's target {@code target} ({@code comm_open}). */
    public Comm open(String target, JsonObject data, JsonObject metadata, List<byte[]> buffers) {
        return open(UUID.randomUUID().toString().replace("-", ""), target, data, metadata, buffers);
    }

    /** As {@link #open(String, JsonObject, JsonObject, List)}, with a chosen id. */
    public Comm open(String id, String target, JsonObject data, JsonObject metadata, List<byte[]> buffers) {
        Comm comm = new Comm(this, id, target);
        comms.put(id, comm);
        JsonObject content = content(id, data);
        content.addProperty("target_name", target);
        content.add("target_module", com.google.gson.JsonNull.INSTANCE); // as ipykernel sends it: the target is the frontend's own
        transport.publish("comm_open", content, metadata, buffers);
        return comm;
    }

    /** The open comm with this id. */
    public Optional<Comm> comm(String id) {
        return Optional.ofNullable(comms.get(id));
    }

    /** The open comms, optionally only those of one target ({@code comm_info_reply}'s {@code comms}). */
    public JsonObject info(String targetName) {
        JsonObject out = new JsonObject();
        for (Comm c : new ArrayList<>(comms.values())) {
            if (targetName == null || targetName.isEmpty() || targetName.equals(c.target())) {
                JsonObject o = new JsonObject();
                o.addProperty("target_name", c.target());
                out.add(c.id(), o);
            }
        }
        return out;
    }

    /** Called with the target name of every {@code comm_info_request} (a frontend's widget manager asks at start). */
    public void onInfoRequest(Consumer<String> listener) {
        infoListeners.add(listener);
    }

    /** The frontend asked which comms are open. */
    public JsonObject infoRequested(String targetName) {
        infoListeners.forEach(l -> l.accept(targetName == null ? "" : targetName));
        return info(targetName);
    }

    /**
     * The frontend opened a comm. A known target gets it; an unknown one is closed at once, as the protocol asks. An id
     * that is open already is the frontend re-attaching to a kernel comm (a widget manager after a page reload): it
     * is kept as it is.
     */
    public void opened(String id, String target, CommMessage open) {
        if (comms.containsKey(id)) {
            return;
        }
        CommTarget t = targets.get(target);
        if (t == null) {
            LOG.info("No comm target " + target + "; closing comm " + id);
            transport.publish("comm_close", content(id, new JsonObject()), new JsonObject(), List.of());
            return;
        }
        Comm comm = new Comm(this, id, target);
        comms.put(id, comm);
        t.opened(comm, open);
    }

    /** A {@code comm_msg} from the frontend; one for a comm that is not open is dropped (logged). */
    public void received(CommMessage message) {
        Comm comm = comms.get(message.commId());
        if (comm == null) {
            LOG.fine(() -> "comm_msg for unknown comm " + message.commId());
            return;
        }
        comm.received(message);
    }

    /** The frontend closed a comm. */
    public void closed(CommMessage message) {
        Comm comm = comms.remove(message.commId());
        if (comm != null) {
            comm.closedByFrontend(message);
        }
    }

    void publish(String msgType, String id, JsonObject data, JsonObject metadata, List<byte[]> buffers) {
        transport.publish(msgType, content(id, data), metadata, buffers);
    }

    void forget(Comm comm) {
        comms.remove(comm.id(), comm);
    }

    /** The msg_id of the request being handled now ("" if none). */
    public String parentId() {
        return transport.parentId();
    }

    private static JsonObject content(String id, JsonObject data) {
        JsonObject c = new JsonObject();
        c.addProperty("comm_id", id);
        c.add("data", data == null ? new JsonObject() : data);
        return c;
    }
}
