package vae.kernel.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import vae.kernel.TestSessions;

class ReplacedValuesTest {
    private final Evaluator evaluator = TestSessions.shared().evaluator();

    private Object eval(String code) throws CellException {
        evaluator.clearInterrupt();
        return evaluator.eval(code, "In [t]", 1).value();
    }

    /** Collects garbage until the reference clears, or a second has passed. */
    private static <T> T afterGc(WeakReference<T> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ref.get();
    }

    @Test
    void aRedeclaredVariablesOldValueIsLetGo() throws Exception {
        eval("Object replacedOnce = new int[1000];");
        WeakReference<Object> old = new WeakReference<>(eval("replacedOnce"));
        eval("Object replacedOnce = new int[1001];");
        Object now = eval("replacedOnce");
        eval("0"); // the execution control no longer holds the last value
        assertNull(afterGc(old), "the first replacedOnce is still reachable after it was declared again");
        assertNotNull(now);
        assertSame(now, eval("replacedOnce"), "the new value is kept");
    }

    @Test
    void theSameDeclarationRunAgainKeepsItsNewValue() throws Exception {
        eval("Object rerun = new int[1000];");
        WeakReference<Object> old = new WeakReference<>(eval("rerun"));
        eval("Object rerun = new int[1000];"); // JShell reuses the class of identical source: the field is the same
        eval("0");
        assertNull(afterGc(old));
        assertNotNull(eval("rerun"));
    }

    @Test
    void aRedeclaredVariableWithAnotherTypeIsLetGoToo() throws Exception {
        eval("var retyped = new StringBuilder(\"a\");");
        WeakReference<Object> old = new WeakReference<>(eval("retyped"));
        eval("String retyped = \"b\";");
        eval("0");
        assertNull(afterGc(old));
        assertEquals("b", eval("retyped"));
    }

    @Test
    void anOldValueThatALambdaReadsStays() throws Exception {
        eval("Object seenByCallback = new int[1000];");
        eval("java.util.function.Supplier<Object> callback = () -> seenByCallback;"); // a widget's handler, say
        WeakReference<Object> old = new WeakReference<>(eval("seenByCallback"));
        eval("Object seenByCallback = \"new\";");
        eval("0");
        assertNotNull(afterGc(old), "the callback made before the redeclaration still reads the old value");
        assertSame(old.get(), eval("callback.get()"));
    }
}
