package vae.kernel.evaluator;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a cell's class so that calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (direct
 * calls and method references alike) go to {@link CellExit} instead. Java 17 deprecated the SecurityManager that
 * IJava-era kernels used for this; changing the bytecode JShell hands to the execution control needs nothing else.
 */
final class ExitRewriter {
    private static final String CELL_EXIT = CellExit.class.getName().replace('.', '/');

    private ExitRewriter() {}

    /** The class with its exit calls redirected; the same bytes when it has none. */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // No COMPUTE_FRAMES: each rewritten call keeps its stack effect (same arguments, same void result).
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        String target = replacement(owner, method, desc);
                        if (target == null) {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                            return;
                        }
                        changed[0] = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, CELL_EXIT, target, staticDescriptor(owner, desc), false);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                        Object[] args = arguments.clone();
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] instanceof Handle h) {
                                String target = replacement(h.getOwner(), h.getName(), h.getDesc());
                                if (target != null) {
                                    changed[0] = true;
                                    args[i] = new Handle(Opcodes.H_INVOKESTATIC, CELL_EXIT, target, staticDescriptor(h.getOwner(), h.getDesc()), false);
                                }
                            }
                        }
                        super.visitInvokeDynamicInsn(name, desc, bootstrap, args);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** The {@link CellExit} method standing in for {@code owner.method}, or null if it is not an exit. */
    private static String replacement(String owner, String method, String desc) {
        if (!desc.equals("(I)V")) {
            return null;
        }
        if (owner.equals("java/lang/System") && method.equals("exit")) {
            return "systemExit";
        }
        if (owner.equals("java/lang/Runtime") && method.equals("exit")) {
            return "runtimeExit";
        }
        if (owner.equals("java/lang/Runtime") && method.equals("halt")) {
            return "runtimeHalt";
        }
        return null;
    }

    /** An instance method's receiver becomes the static stand-in's first argument. */
    private static String staticDescriptor(String owner, String desc) {
        return owner.equals("java/lang/Runtime") ? "(Ljava/lang/Runtime;I)V" : desc;
    }
}
