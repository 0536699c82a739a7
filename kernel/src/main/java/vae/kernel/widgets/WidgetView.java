package vae.kernel.widgets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.logging.Logger;
import vae.kernel.Display;
import vae.kernel.DisplayId;
import vae.kernel.comm.CommMessage;
import vae.kernel.session.CellContext;
import vae.plot.Png;

/**
 * How one widget meets the frontend: its state as JSON and binary buffers, the messages its model sends, and its
 * display bundle, which is the view where a widget manager runs and its picture ({@code image/png}) and text
 * ({@code text/plain}) where none does (nbclient, nbconvert, the headless runner), redrawn when the picture changes.
 */
final class WidgetView {
    private static final Logger LOG = Logger.getLogger(WidgetView.class.getName());

    /** Some keys of a widget's state: the JSON, and the bytes that travel as buffers, by key. */
    record State(JsonObject json, List<String> bufferKeys, List<byte[]> buffers) {}

    private final Widget widget;
    private volatile DisplayId shownAs;

    WidgetView(Widget widget) {
        this.widget = widget;
    }

    /** The state of {@code keys} (all of them when null); bytes go to buffers, as both protocols allow. */
    State state(List<String> keys) {
        JsonObject json = new JsonObject();
        List<String> bufferKeys = new ArrayList<>();
        List<byte[]> buffers = new ArrayList<>();
        for (String k : keys == null ? widget.keys() : keys) {
            Object v = widget.get(k);
            if (v instanceof byte[] b) {
                bufferKeys.add(k);
                buffers.add(b);
            } else {
                json.add(k, widget.toJson(k, v));
            }
        }
        return new State(json, bufferKeys, buffers);
    }

    void receive(CommMessage m) {
        switch (m.method()) {
            case "update", "backbone" -> received(m);
            case "request_state" -> widget.sync(widget.keys(), false);
            case "custom" -> widget.onCustom(m.data().has("content") && m.data().get("content").isJsonObject()
                    ? m.data().getAsJsonObject("content") : new JsonObject(), m.buffers());
            default -> LOG.warning("Unknown widget message " + m.method() + " for " + widget.getClass().getSimpleName());
        }
    }

    /** A state change from the frontend: V6's {@code backbone} (sync_data, buffer_keys), V7/V8's {@code update}. */
    private void received(CommMessage m) {
        boolean backbone = m.method().equals("backbone");
        JsonObject sent = m.data().has(backbone ? "sync_data" : "state")
                ? m.data().getAsJsonObject(backbone ? "sync_data" : "state") : new JsonObject();
        Map<String, byte[]> buffers = new HashMap<>();
        JsonArray keys = m.data().has(backbone ? "buffer_keys" : "buffer_paths")
                ? m.data().getAsJsonArray(backbone ? "buffer_keys" : "buffer_paths") : new JsonArray();
        for (int i = 0; i < keys.size() && i < m.buffers().size(); i++) {
            JsonElement k = keys.get(i);
            buffers.put(k.isJsonArray() ? k.getAsJsonArray().get(0).getAsString() : k.getAsString(), m.buffers().get(i));
        }
        List<String> names = new ArrayList<>(sent.keySet());
        names.addAll(buffers.keySet());
        names.removeIf(n -> !widget.has(n));
        if (widget.protocol().echoes() && widget.comm().isPresent() && !names.isEmpty()) {
            // protocol 2.1: what the frontend sent goes back out as it came, so the other frontends learn it too
            JsonObject echo = new JsonObject();
            List<String> echoKeys = new ArrayList<>();
            List<byte[]> echoBuffers = new ArrayList<>();
            for (String n : names) {
                if (buffers.containsKey(n)) {
                    echoKeys.add(n);
                    echoBuffers.add(buffers.get(n));
                } else {
                    echo.add(n, sent.get(n));
                }
            }
            widget.comm().get().send(widget.protocol().update(echo, echoKeys, true), new JsonObject(), echoBuffers);
        }
        for (String name : names) {
            widget.setFromFrontend(name, widget.fromJson(name, sent.get(name), buffers.get(name)));
        }
    }

    /** Opens the comms, shows the widget under the running cell, and remembers where, to redraw its picture. */
    DisplayId display() {
        widget.open();
        widget.comm().filter(c -> widget.protocol().displaysByComm()).ifPresent(c -> {
            JsonObject show = new JsonObject();
            show.addProperty("method", "display");
            c.send(show);
        });
        DisplayId id = Display.displayBundle(bundle());
        shownAs = id;
        return id;
    }

    /**
     * The view for a widget manager; beside it the picture and text for frontends without one, except in V6, whose
     * classic Notebook would show them under the live widget (ipywidgets 6 leaves them out for that reason).
     */
    Map<String, String> bundle() {
        Map<String, String> b = new TreeMap<>();
        if (widget.comm().isPresent()) {
            b.put(WidgetProtocol.VIEW_MIME_TYPE, widget.protocol().view(widget.id()).toString());
            if (widget.protocol() == WidgetProtocol.V6) {
                return b;
            }
        }
        b.put("text/plain", widget.toString());
        widget.picture().map(Png::base64).ifPresent(png -> b.put("image/png", png));
        return b;
    }

    /** Redraws the static copy where no widget manager draws the widget; a live view updates itself. */
    void refresh() {
        DisplayId id = shownAs;
        if (id == null || CellContext.current() == null) {
            return;
        }
        if (widget.comm().isPresent() && WidgetFrontend.current().live()) {
            return;
        }
        Display.updateDisplayBundle(id, bundle());
    }

    /** The class name, the value and range, and the other public traits that differ from their defaults. */
    static String repr(Widget w) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> defaults = w.defaults();
        List<String> keys = w.keys();
        List<String> first = new ArrayList<>(List.of("value", "min", "max"));
        first.retainAll(keys);
        keys.removeAll(first);
        keys.addAll(0, first);
        for (String k : keys) {
            Object v = w.get(k);
            boolean shown = k.equals("value") || k.equals("min") || k.equals("max") || !Objects.equals(v, defaults.get(k));
            if (!k.startsWith("_") && shown && !(v instanceof Widget) && !(v instanceof byte[]) && !(v instanceof JsonElement)) {
                parts.add(k + "=" + format(v));
            }
        }
        return w.getClass().getSimpleName() + "(" + String.join(", ", parts) + ")";
    }

    static String format(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e")
                    .replaceAll("\\.$", ".0");
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(x -> items.add(x instanceof Widget ? x.getClass().getSimpleName() : format(x)));
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(v);
    }

}
