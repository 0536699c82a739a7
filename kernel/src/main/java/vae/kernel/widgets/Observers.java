package vae.kernel.widgets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The observers of a widget's traits (ipywidgets' {@code observe}): all run on a change; the first failure is rethrown. */
final class Observers {
    private final Map<String, List<Consumer<Change<Object>>>> byName = new ConcurrentHashMap<>();

    void add(String name, Consumer<Change<Object>> handler) {
        byName.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    void fire(Widget owner, String name, Object old, Object value) {
        runAll(byName.getOrDefault(name, List.of()), new Change<>(name, old, value, owner));
    }

    /** Every handler gets {@code event}, even after one fails; then the first failure is rethrown (the rest suppressed). */
    static <T> void runAll(List<Consumer<T>> handlers, T event) {
        RuntimeException first = null;
        for (Consumer<T> h : handlers) {
            try {
                h.accept(event);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
