package vae.kernel.evaluator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Lets go of the value a variable held once a later cell declares that name again.
 *
 * <p>JShell keeps each variable as a static field of its snippet's class, and a redeclaration ({@code var vae = …}
 * run again, or the same name in the next notebook) makes a new class beside the old one: the old class stays loaded
 * and its field keeps the old value (a model with its graph and native arrays, a dataset) reachable for as long as
 * the kernel runs, although no cell can name it any more. Re-running a training notebook then grows the kernel by
 * everything the last run made.
 *
 * <p>What stays: a replaced value that code which may still run reads directly — a lambda (a widget's callback, a
 * listener), a method or a class of some cell ({@code interact(beta -> models.get(beta)…)} keeps the {@code models}
 * it was made with). Only a cell's own body ({@code do_it$}, run once when the cell ran) does not count.
 */
final class ReplacedValues {
    /** JShell's method that runs a snippet's body once. */
    private static final String BODY = "do_it$";

    /** A variable's static field in the class of the snippet that declared it. */
    record Replaced(String owner, String name) {}

    /**
     * The fields whose values the snippets of {@code events} replaced: each variable overwritten or dropped, unless the
     * same source ran again and kept its class (JShell runs it once more, and the field takes the new value). A re-run
     * training notebook would otherwise keep every earlier run's models and data.
     */
    static List<Replaced> replacedBy(List<SnippetEvent> events, SourceCodeAnalysis analysis) {
        Set<String> inUse = new HashSet<>();
        for (SnippetEvent event : events) {
            if (event.status().isActive()) inUse.add(analysis.wrapper(event.snippet()).fullClassName());
        }
        List<Replaced> replaced = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.snippet() instanceof VarSnippet variable
                    && (event.status() == Snippet.Status.OVERWRITTEN || event.status() == Snippet.Status.DROPPED)
                    && event.previousStatus().isDefined()) {
                String owner = analysis.wrapper(variable).fullClassName();
                if (!inUse.contains(owner)) replaced.add(new Replaced(owner, variable.name()));
            }
        }
        return replaced;
    }

    /** "owner.field" of every static field read or written by code that may run again. */
    private final Set<String> readLater = ConcurrentHashMap.newKeySet();

    /** Notes which snippets' fields a class reads outside its body; called for each class as it loads. */
    void loading(byte[] classFile) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (name.equals(BODY)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                        if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                            readLater.add(owner.replace('/', '.') + "." + field);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /**
     * Clears {@code field} of the replaced snippet's class {@code owner}, unless code that may still run reads it.
     *
     * @return whether it was cleared
     */
    boolean release(Class<?> owner, String field) {
        if (readLater.contains(owner.getName() + "." + field)) {
            return false;
        }
        try {
            Field f = owner.getDeclaredField(field);
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || Modifier.isFinal(m) || f.getType().isPrimitive()) {
                return false;
            }
            f.setAccessible(true);
            f.set(null, null);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // not a field of that class (JShell changed its wrapping): keep the value, as JShell would
        }
    }
}
