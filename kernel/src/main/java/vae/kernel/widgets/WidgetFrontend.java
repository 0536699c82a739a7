package vae.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import vae.kernel.comm.Comm;
import vae.kernel.comm.CommManager;
import vae.kernel.comm.CommMessage;
import vae.kernel.evaluator.CellException;

/**
 * The widget manager on the other side, as far as the kernel can tell: which protocol it speaks, chosen from what it
 * announces. Debian's jupyter-js-widgets 6.0 (classic Notebook) opens {@code jupyter.widget.version}: V6. The
 * managers of ipywidgets 7.7 and 8 (JupyterLab 3/4, Notebook 7, VS Code) open {@code jupyter.widget.control} or ask
 * {@code comm_info_request} for {@code jupyter.widget}: they get {@link #defaultProtocol()}, V8 unless set to V7.
 * Nothing announced (nbclient, nbconvert): V8 comms, which nbclient saves as the notebook's widget state, and each
 * widget's picture beside its view. Without a kernel (the headless runner) there are no comms at all.
 */
public final class WidgetFrontend {
    private static final Logger LOG = Logger.getLogger(WidgetFrontend.class.getName());
    private static final WidgetFrontend HEADLESS = new WidgetFrontend(null, WidgetFrontend::plain);
    private static volatile WidgetFrontend current = HEADLESS;
    private static volatile WidgetProtocol defaultProtocol = WidgetProtocol.V8;

    private final CommManager comms;
    private final Function<Throwable, CellException> describe;
    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();
    private volatile WidgetProtocol announced;
    private volatile boolean live;

    private WidgetFrontend(CommManager comms, Function<Throwable, CellException> describe) {
        this.comms = comms;
        this.describe = describe;
    }

    /** The widget side of the kernel running in this JVM, or a headless one (no comms) where none runs. */
    public static WidgetFrontend current() {
        return current;
    }

    /**
     * Registers the widget protocol's comm targets with a kernel's comms; call before the frontend connects.
     * {@code describe} turns what a widget's code threw into the error a cell would show (the kernel's evaluator).
     */
    public static WidgetFrontend install(CommManager comms, Function<Throwable, CellException> describe) {
        WidgetFrontend f = new WidgetFrontend(comms, describe);
        comms.registerTarget("jupyter.widget.version", f::versionOpened);
        comms.registerTarget("jupyter.widget.control", f::controlOpened);
        comms.registerTarget("jupyter.widget", (comm, open) -> {
            LOG.info("The frontend opened a widget of its own (" + open.data() + "); only the kernel's widgets are supported");
            comm.close();
        });
        comms.onInfoRequest(target -> {
            if (target.startsWith("jupyter.widget")) {
                f.live = true;
            }
        });
        current = f;
        return f;
    }

    /** Back to no kernel: the headless runner's state (tests). */
    static void uninstall() {
        current = HEADLESS;
    }

    /** The protocol for frontends of ipywidgets 7/8 (they do not say which): V8 by default, V7 for older managers. */
    public static WidgetProtocol defaultProtocol() {
        return defaultProtocol;
    }

    public static void defaultProtocol(WidgetProtocol protocol) {
        defaultProtocol = protocol;
    }

    /** The protocol new widgets speak: the one the frontend announced, else the default. */
    public WidgetProtocol protocol() {
        WidgetProtocol a = announced;
        return a != null ? a : defaultProtocol;
    }

    /** Whether a widget manager has announced itself, so live views draw the widgets (no static copies to redraw). */
    public boolean live() {
        return live;
    }

    /** The msg_id of the request being handled, which an Output widget captures; "" where no kernel runs. */
    String parentId() {
        return comms == null ? "" : comms.parentId();
    }

    /** What {@code t} would show as a cell's error. */
    CellException describe(Throwable t) {
        try {
            return describe.apply(t);
        } catch (RuntimeException e) {
            return plain(t);
        }
    }

    private static CellException plain(Throwable t) {
        List<String> lines = new ArrayList<>();
        lines.add(t.toString());
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith("vae.kernel.")) {
                break;
            }
            lines.add("    at " + f);
        }
        return new CellException(t.getClass().getName(), String.valueOf(t.getMessage()), lines);
    }

    /** Whether widgets get comms here: a kernel runs. */
    public boolean hasComms() {
        return comms != null;
    }

    /** Opens {@code w}'s comm (and first those of the widgets its state refers to); empty where no kernel runs. */
    Optional<Comm> open(Widget w) {
        if (comms == null) {
            return Optional.empty();
        }
        for (String k : w.keys()) {
            StateJson.references(w.get(k)).forEach(Widget::open);
        }
        WidgetView.State s = new WidgetView(w).state(null);
        Comm c = comms.open(w.id(), "jupyter.widget", w.protocol().openData(s.json(), s.bufferKeys()),
                w.protocol().openMetadata(), s.buffers());
        c.onMessage(w::receive).onClose(m -> widgets.remove(w.id()));
        widgets.put(w.id(), w);
        return Optional.of(c);
    }

    void forget(Widget w) {
        widgets.remove(w.id());
    }

    /** Debian's jupyter-js-widgets 6.0 checks our version: we ask for {@code ~2.1.4}, it answers whether it fits. */
    private void versionOpened(Comm comm, CommMessage open) {
        announced = WidgetProtocol.V6;
        live = true;
        comm.onMessage(m -> {
            boolean ok = m.data().has("validated") && m.data().get("validated").getAsBoolean();
            String version = m.data().has("frontend_version") ? m.data().get("frontend_version").getAsString() : "?";
            if (!ok) {
                LOG.warning("The frontend's jupyter-js-widgets " + version + " does not fit " + WidgetProtocol.V6_FRONTEND_VERSION);
            }
        });
        JsonObject v = new JsonObject();
        v.addProperty("version", WidgetProtocol.V6_FRONTEND_VERSION);
        comm.send(v);
    }

    /** ipywidgets 7.7/8 managers fetch every widget's state at once ({@code request_states}) when they (re)connect. */
    private void controlOpened(Comm comm, CommMessage open) {
        live = true;
        comm.onMessage(m -> {
            if (!m.method().equals("request_states")) {
                LOG.warning("Unknown message on jupyter.widget.control: " + m.method());
                return;
            }
            JsonObject states = new JsonObject();
            JsonArray paths = new JsonArray();
            List<byte[]> buffers = new ArrayList<>();
            for (Widget w : widgets.values()) {
                WidgetView.State st = new WidgetView(w).state(null);
                JsonObject one = new JsonObject();
                one.add("model_name", st.json().get("_model_name"));
                one.add("model_module", st.json().get("_model_module"));
                one.add("model_module_version", st.json().get("_model_module_version"));
                one.add("state", st.json());
                states.add(w.id(), one);
                for (int i = 0; i < st.bufferKeys().size(); i++) {
                    JsonArray path = new JsonArray();
                    path.add(w.id());
                    path.add("state"); // the buffer sits in states[id].state, where the manager writes it back
                    path.add(st.bufferKeys().get(i));
                    paths.add(path);
                    buffers.add(st.buffers().get(i));
                }
            }
            JsonObject reply = new JsonObject();
            reply.addProperty("method", "update_states");
            reply.add("states", states);
            reply.add("buffer_paths", paths);
            comm.send(reply, new JsonObject(), buffers);
        });
    }
}
