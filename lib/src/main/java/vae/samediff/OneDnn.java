package vae.samediff;

import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;

/**
 * ND4J's oneDNN builds (the default on Linux x86-64; {@code -Ponednn-avx512}, …) for the convolutions only. oneDNN's conv2d and deconv2d, forward
 * and backward, are 4–10× faster than libnd4j's own at the conv VAE's shapes and equal to plain loops
 * ({@code ConvolutionOpsTest}); but its {@code xw_plus_b} gives wrong rows in M2.1 when SameDiff hands it a reused
 * output array (a batch of 3 decoded to other pixels than each image alone: {@code OneDnnTest}). So under such a
 * build oneDNN is switched off for every op ({@link Backend}) and back on, by this listener, just for the ops in
 * {@link #PROVEN}, in the graphs that {@link #useForConvolutions} was given: those {@link Convolutions} adds a conv2d or
 * deconv2d to, so a graph without convolutions (the MLP's) carries no listener on its ops.
 */
public final class OneDnn extends BaseListener {
    /** The ops whose oneDNN kernels match plain loops in outputs and gradients, float and double. */
    public static final Set<String> PROVEN = Set.of("conv2d", "conv2d_bp", "deconv2d", "deconv2d_bp");

    private static final OneDnn LISTENER = new OneDnn();

    private OneDnn() {}

    /** True when this JVM loaded one of ND4J's oneDNN builds. */
    public static boolean loaded() { return Backend.natives().startsWith("onednn"); }

    /** Lets {@code sd}'s convolutions (and their gradients) run on oneDNN where it is loaded; no effect otherwise. */
    public static SameDiff useForConvolutions(SameDiff sd) {
        if (loaded() && (sd.getListeners() == null || !sd.getListeners().contains(LISTENER))) sd.addListeners(LISTENER);
        return sd;
    }

    @Override
    public boolean isActive(Operation operation) { return true; }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        Nd4j.getEnvironment().allowHelpers(PROVEN.contains(op.getOp().opName()));
    }

    @Override
    public void opExecution(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet batch, SameDiffOp op,
                            OpContext opContext, org.nd4j.linalg.api.ndarray.INDArray[] outputs) {
        Nd4j.getEnvironment().allowHelpers(false);   // so an op run outside a listened graph never meets oneDNN
    }
}
