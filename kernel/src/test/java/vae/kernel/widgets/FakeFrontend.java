package vae.kernel.widgets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import vae.kernel.TestSessions;
import vae.kernel.comm.CommManager;
import vae.kernel.comm.CommMessage;
import vae.kernel.comm.RecordingTransport;
import vae.kernel.evaluator.CellException;
import vae.kernel.session.CellContext;

/**
 * A kernel's comms with a frontend played by the test: what the kernel publishes is kept in {@link #sent} (by a
 * {@link RecordingTransport}), and a recording cell is running (outputs in {@link #cell}). Close it to go back to no
 * kernel (the headless runner).
 */
final class FakeFrontend implements AutoCloseable {
    private final RecordingTransport transport = new RecordingTransport();
    final List<RecordingTransport.Sent> sent = transport.sent;
    final CommManager comms = new CommManager(transport);
    final TestSessions.Recorded cell = new TestSessions.Recorded();

    private FakeFrontend(String announce) {
        vae.kernel.KernelLog.toFile("unit-tests"); // logging to stderr would loop through the cells' streams
        WidgetFrontend.install(comms, t -> new CellException(t.getClass().getName(), String.valueOf(t.getMessage()), List.of(t.toString())));
        if (announce != null) {
            comms.opened("announce", announce, new CommMessage("announce", new JsonObject(), null, null));
        }
        CellContext.enter(cell);
    }

    /** Debian's jupyter-js-widgets 6.0: opens the version comm. */
    static FakeFrontend v6() {
        return new FakeFrontend("jupyter.widget.version");
    }

    /** An ipywidgets 8 manager: opens the control comm. */
    static FakeFrontend v8() {
        return new FakeFrontend("jupyter.widget.control");
    }

    /** A kernel whose frontend announced nothing (nbclient). */
    static FakeFrontend silent() {
        return new FakeFrontend(null);
    }

    /** A headless session: no kernel, no comms, a recording cell. */
    static FakeFrontend headless() {
        FakeFrontend f = new FakeFrontend(null);
        WidgetFrontend.uninstall();
        return f;
    }

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    /** The frontend sends {@code data} on the widget's comm. */
    void send(Widget w, String data) {
        comms.received(new CommMessage(w.id(), json(data), null, List.of()));
    }

    List<RecordingTransport.Sent> of(String type) {
        return transport.of(type);
    }

    /** The comm messages sent on {@code w}'s comm. */
    List<JsonObject> messages(Widget w) {
        return sent.stream().filter(s -> s.type().equals("comm_msg") && s.content().get("comm_id").getAsString().equals(w.id()))
                .map(RecordingTransport.Sent::data).toList();
    }

    @Override
    public void close() {
        CellContext.leave();
        WidgetFrontend.uninstall();
        WidgetFrontend.defaultProtocol(WidgetProtocol.V8);
    }
}
