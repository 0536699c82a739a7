package vae.kernel.render;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
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

    /** Back to the kernel's own renderers, as a new session starts. */
    public static void reset() {
        reload(Renderers.class.getClassLoader());
    }

    /** Looks for renderers again, e.g. after a jar was added (pass the cells' class loader). */
    public static void reload(ClassLoader loader) {
        instance = new Renderers(loader);
    }

    public List<Renderer> renderers() {
        return renderers;
    }

    /**
     * The bundle for {@code value}, its MIME types in sorted order (so re-running a notebook gives the same file);
     * always has {@code text/plain}. A renderer that fails is reported on the cell's stderr, never silently: a chart
     * that cannot be drawn must not pass for one that was.
     */
    public Map<String, String> render(Object value) {
        Map<String, String> bundle = new TreeMap<>();
        for (Renderer r : renderers) {
            try {
                Map<String, String> b = r.render(value);
                if (b != null) {
                    bundle.putAll(b);
                    break;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, r.getClass().getName() + " failed; trying the next renderer", e);
                System.err.println("Could not show the " + kind(value) + " (" + r.getClass().getSimpleName()
                        + " failed: " + e + "); showing it as text instead.");
            }
        }
        bundle.computeIfAbsent("text/plain", k -> plain(value));
        return bundle;
    }

    private static String kind(Object value) {
        if (value == null) return "null";
        Class<?> c = value.getClass();
        while (c.getSimpleName().isEmpty() && c.getSuperclass() != null) c = c.getSuperclass();   // anonymous: name its parent
        return c.getSimpleName();
    }

    /**
     * A lambda by the signature of what it implements, in symbols a learner reads in any language:
     * {@code λ (double, double) → double (DoubleBinaryOperator)}; just {@code λ} when it implements nothing we can name.
     */
    static String lambda(Class<?>[] interfaces) {
        for (Class<?> type : interfaces) {
            Method abstractOne = null;
            int count = 0;
            for (Method m : type.getMethods()) {
                if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                    abstractOne = m;
                    count++;
                }
            }
            if (count != 1) continue;
            StringJoiner parameters = new StringJoiner(", ", "(", ")");
            for (Class<?> p : abstractOne.getParameterTypes()) parameters.add(p.getSimpleName());
            return "λ " + parameters + " → " + abstractOne.getReturnType().getSimpleName() + " (" + type.getSimpleName() + ")";
        }
        return "λ";
    }

    /** equals, hashCode, toString redeclared in an interface are not its functional method. */
    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Text for anything: arrays by their contents, lambdas by the signature they implement, the rest by toString(). */
    static String plain(Object value) {
        try {
            if (value != null && value.getClass().isArray()) {
                String deep = Arrays.deepToString(new Object[] {value});
                return deep.substring(1, deep.length() - 1);
            }
            if (value != null && value.getClass().isSynthetic() && value.getClass().getName().contains("$$Lambda")) {
                return lambda(value.getClass().getInterfaces());
            }
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (its toString() threw " + e + ")";
        }
    }
}
