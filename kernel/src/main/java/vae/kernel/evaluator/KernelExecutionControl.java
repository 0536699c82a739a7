package vae.kernel.evaluator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs snippets in the kernel's own JVM and keeps each snippet's value as a real object, so the kernel can
 * render it (a chart as PNG, a table as HTML) instead of JShell's {@code toString()}.
 *
 * <p>{@link LocalExecutionControl} turns a value into a string inside its private {@code invoke(Method)}.
 * We hand it a trampoline instead of the snippet's {@code do_it$} method: the trampoline, run on JShell's own
 * execution thread (so {@code stop()} still works), calls {@code do_it$} and keeps the object it returns.
 */
public class KernelExecutionControl extends LocalExecutionControl {

    /** What the trampoline is to call, and what it got back; inherited by JShell's execution thread. */
    static final class Slot {
        volatile Method target;
        volatile Object value;
        volatile Thread thread;
    }

    private volatile Slot current;

    private static final InheritableThreadLocal<Slot> SLOT = new InheritableThreadLocal<>();
    private static final Method TRAMPOLINE;

    static {
        try {
            TRAMPOLINE = KernelExecutionControl.class.getMethod("trampoline");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile ClassLoader snippetLoader;
    private volatile Object lastValue;
    private final ReplacedValues replaced = new ReplacedValues();

    /** Called reflectively by {@link LocalExecutionControl} on its execution thread; not for cells. */
    public static Object trampoline() throws Throwable {
        Slot slot = SLOT.get();
        slot.thread = Thread.currentThread();
        try {
            slot.value = slot.target.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            slot.thread = null;
        }
        return null; // the real value stays in the slot; JShell only sees "null"
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Slot slot = new Slot();
        slot.target = doitMethod;
        SLOT.set(slot);
        current = slot;
        try {
            String ignored = super.invoke(TRAMPOLINE);
            lastValue = slot.value;
            return ignored;
        } finally {
            current = null;
            SLOT.remove();
        }
    }

    /** Each cell's classes, with {@code System.exit} and friends pointed at {@link CellExit} ({@link ExitRewriter}). */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(rewritten(classes));
    }

    private ClassBytecodes[] rewritten(ClassBytecodes[] classes) {
        ClassBytecodes[] out = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            replaced.loading(classes[i].bytecodes());
            out[i] = new ClassBytecodes(classes[i].name(), ExitRewriter.rewrite(classes[i].bytecodes()));
        }
        return out;
    }

    /**
     * Lets go of the value of variable {@code name} of the snippet class {@code className}, which a later cell has
     * replaced ({@link ReplacedValues} says when it stays).
     *
     * @return whether the value was let go
     */
    boolean release(String className, String name) {
        try {
            return replaced.release(findClass(className), name);
        } catch (ClassNotFoundException | RuntimeException e) {
            return false; // never loaded (its cell failed before it ran): nothing to let go
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = super.findClass(name);
        snippetLoader = c.getClassLoader();
        return c;
    }

    /** The thread running a snippet now, or null. */
    public Thread runningThread() {
        Slot slot = current;
        return slot == null ? null : slot.thread;
    }

    /** The value the last snippet returned (an expression's value, or a declared variable's initial value). */
    public Object lastValue() {
        return lastValue;
    }

    public void clearLastValue() {
        lastValue = null;
    }

    /** The loader of the snippets' classes (it also sees jars added with %jars/%maven), or null before the first snippet. */
    public ClassLoader snippetLoader() {
        return snippetLoader;
    }
}
