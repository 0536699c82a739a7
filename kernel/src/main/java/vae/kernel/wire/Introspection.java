package vae.kernel.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.function.Supplier;
import org.zeromq.ZMQ;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.session.Session;

/** {@code complete_request}, {@code inspect_request} and {@code is_complete_request}: what a notebook asks while one types. */
final class Introspection {
    private final Wire wire;
    private final Supplier<Session> session;

    Introspection(Wire wire, Supplier<Session> session) {
        this.wire = wire;
        this.session = session;
    }

    void complete(ZMQ.Socket socket, Message m) {
        String code = m.string("code", "");
        int cursor = Math.min(m.integer("cursor_pos", code.length()), code.length());
        Evaluator.Completion c = session.get().complete(code, cursor);
        JsonObject r = Replies.ok();
        JsonArray matches = new JsonArray();
        c.matches().forEach(matches::add);
        r.add("matches", matches);
        r.addProperty("cursor_start", c.start());
        r.addProperty("cursor_end", c.end());
        r.add("metadata", new JsonObject());
        wire.reply(socket, m, "complete_reply", r);
    }

    void inspect(ZMQ.Socket socket, Message m) {
        String code = m.string("code", "");
        int cursor = Math.min(m.integer("cursor_pos", code.length()), code.length());
        var doc = session.get().inspect(code, cursor);
        JsonObject r = Replies.ok();
        r.addProperty("found", doc.isPresent());
        JsonObject data = new JsonObject();
        doc.ifPresent(d -> data.addProperty("text/plain", d));
        r.add("data", data);
        r.add("metadata", new JsonObject());
        wire.reply(socket, m, "inspect_reply", r);
    }

    void isComplete(ZMQ.Socket socket, Message m) {
        Evaluator.Readiness readiness = session.get().readiness(m.string("code", ""));
        JsonObject r = new JsonObject();
        r.addProperty("status", readiness.name().toLowerCase(Locale.ROOT));
        if (readiness == Evaluator.Readiness.INCOMPLETE) {
            r.addProperty("indent", "    ");
        }
        wire.reply(socket, m, "is_complete_reply", r);
    }
}
