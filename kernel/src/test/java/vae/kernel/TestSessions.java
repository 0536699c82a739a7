package vae.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vae.kernel.evaluator.CellException;
import vae.kernel.session.Output;
import vae.kernel.session.Session;

/** One JShell session for all unit tests (it takes about a second to start), and an output that records. */
public final class TestSessions {
    private static Session shared;
    private static int cells;

    private TestSessions() {}

    public static synchronized Session shared() {
        if (shared == null) {
            KernelRuntime.start("unit-tests");
            shared = Session.create();
        }
        return shared;
    }

    /** Runs a cell in the shared session and returns what it output. */
    public static Recorded run(String code) throws CellException {
        Recorded out = new Recorded();
        shared().execute(code, "In [" + (++cells) + "]", out);
        return out;
    }

    /** Everything a cell sent, in order. */
    public static class Recorded implements Output {
        public final List<String> events = new ArrayList<>();
        public final StringBuilder stdout = new StringBuilder();
        public final StringBuilder stderr = new StringBuilder();
        public final List<Map<String, String>> displays = new ArrayList<>();
        public final List<Map<String, String>> updates = new ArrayList<>();
        public Map<String, String> result;

        @Override
        public synchronized void stream(String name, String text) {
            events.add(name);
            (name.equals("stdout") ? stdout : stderr).append(text);
        }

        @Override
        public synchronized void display(Map<String, String> bundle, String displayId, boolean update) {
            events.add(update ? "update:" + displayId : "display:" + displayId);
            (update ? updates : displays).add(bundle);
        }

        @Override
        public synchronized void result(Map<String, String> bundle) {
            events.add("result");
            result = bundle;
        }

        public String plain() {
            return result == null ? null : result.get("text/plain");
        }
    }
}
