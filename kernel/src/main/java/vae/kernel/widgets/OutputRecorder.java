package vae.kernel.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a cell shows while an {@link Output} widget captures it: kept (the widget's picture and text where no widget
 * manager draws it) and, where a kernel runs, passed on to the cell's own output, whose frontend puts it in the
 * Output widget (it captures by the request's msg_id, as ipywidgets' Output does).
 */
final class OutputRecorder implements vae.kernel.session.Output {
    /** One output: printed text ({@code bundle} null) or a MIME bundle. */
    record Item(String text, Map<String, String> bundle) {}

    private final vae.kernel.session.Output forward;
    private final List<Item> items;
    private boolean clearOnNext;

    OutputRecorder(vae.kernel.session.Output forward, List<Item> items) {
        this.forward = forward;
        this.items = items;
    }

    @Override
    public synchronized void stream(String name, String text) {
        add(new Item(text, null));
        if (forward != null) {
            forward.stream(name, text);
        }
    }

    @Override
    public synchronized void display(Map<String, String> bundle, String displayId, boolean update) {
        add(new Item(null, Map.copyOf(bundle)));
        if (forward != null) {
            forward.display(bundle, displayId, update);
        }
    }

    @Override
    public synchronized void result(Map<String, String> bundle) {
        display(bundle, "", false);
    }

    @Override
    public synchronized void clear(boolean wait) {
        if (wait) {
            clearOnNext = true;
        } else {
            synchronized (items) {
                items.clear();
            }
        }
        if (forward != null) {
            forward.clear(wait);
        }
    }

    @Override
    public synchronized void error(String ename, String evalue, List<String> traceback) {
        add(new Item(String.join("\n", traceback) + "\n", null));
        if (forward != null) {
            forward.error(ename, evalue, traceback);
        }
    }

    @Override
    public String input(String prompt, boolean password) {
        if (forward == null) {
            return vae.kernel.session.Output.super.input(prompt, password);
        }
        return forward.input(prompt, password);
    }

    private void add(Item item) {
        synchronized (items) {
            if (clearOnNext) {
                items.clear();
                clearOnNext = false;
            }
            items.add(item);
        }
    }

    static List<Item> copy(List<Item> items) {
        return new ArrayList<>(items);
    }
}
