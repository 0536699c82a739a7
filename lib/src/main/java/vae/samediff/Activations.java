package vae.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Activations whose SameDiff form is slow in M2.1, written as an equal form that is not. */
public final class Activations {
    private Activations() {}

    /**
     * ReLU, max(x, 0), named {@code name}: the same values and gradient as {@code sd.nn().relu(name, x, 0)}
     * ({@code ActivationsTest}). M2.1's relu backward ({@code thresholdedrelu_bp}) calls a {@code std::function} per
     * element, 17 % of a conv VAE batch under perf; max's backward is a comparison and a product, both vectorised.
     * The MLP lessons keep {@code sd.nn().relu}: their activations are a hundredth of the conv VAE's.
     */
    public static SDVariable relu(SameDiff sd, String name, SDVariable x) {
        return sd.scalarMax(name, x, 0.0);
    }
}
