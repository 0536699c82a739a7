package vae.kernel.evaluator;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell one {@link KernelExecutionControl}, so the evaluator can read values back from it. */
final class KernelExecutionControlProvider implements ExecutionControlProvider {
    private final KernelExecutionControl control = new KernelExecutionControl();

    @Override
    public String name() {
        return "vae-kernel";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }

    KernelExecutionControl control() {
        return control;
    }
}
