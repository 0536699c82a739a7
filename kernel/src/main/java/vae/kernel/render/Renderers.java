package vae.kernel.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The renderers found with {@link ServiceLoader}, asked in order of priority; text/plain when none answers. */
public final class Renderers {
    private static final Logger LOG = Logger.getLogger(Renderers.class.getName());
    private static volatile Renderers instance = new Renderers(Renderers.class.getClassLoader());

    private final List<Renderer> renderers;

    public Renderers(ClassLoader loader) {
        List<Renderer> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        var it = ServiceLoader.load(Renderer.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                Renderer r = it.next();
                if (seen.add(r.getClass().getName())) {
                    found.add(r);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(Level.WARNING, "Skipping a renderer that cannot load", e);
            }
        }
        found.sort(Comparator.comparingInt(Renderer::priority).reversed());
        this.renderers = List.copyOf(found);
    }

    /** The renderers every display goes through. */
    public static Renderers get() {
        return instance;
    }

    /** Looks for renderers again, e.g. after a jar was added (pass the cells' class loader). */
    public static void reload(ClassLoader loader) {
        instance = new Renderers(loader);
    }

    public List<Renderer> renderers() {
        return renderers;
    }

    /** The bundle for {@code value}; always has {@code text/plain}. */
    public Map<String, String> render(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        for (Renderer r : renderers) {
            try {
                Map<String, String> b = r.render(value);
                if (b != null) {
                    bundle.putAll(b);
                    break;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, r.getClass().getName() + " failed; trying the next renderer", e);
            }
        }
        bundle.computeIfAbsent("text/plain", k -> plain(value));
        return bundle;
    }

    static String plain(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (its toString() threw " + e + ")";
        }
    }
}
