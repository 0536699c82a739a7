package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.data.Mnist;

/**
 * {@link Vae#gradients} with respect to μ, σ, logvar, z and a weight, for one image and for three, against central
 * finite differences of the loss written out in plain doubles (only the decoder's forward pass comes from the graph).
 */
class GradientsOfIntermediatesTest {
    static final double STEP = 1e-4, TOLERANCE = 1e-6;

    @Test
    void gradientsOfOneImageHaveItsShapesAndMatchFiniteDifferences() {
        // One image is fed to M2.1's backward pass twice (vae.samediff.BatchOfOne); what comes back must be for the one image.
        check(mlp(), Mnist.train().batch(6), STEP, "mu", "sigma", "logVar", "z");
    }

    @Test
    void gradientsOfThreeImagesHaveTheirShapesAndMatchFiniteDifferences() {
        check(mlp(), Mnist.train().batch(3, 4, 5), STEP, "mu", "sigma", "logVar", "z");
    }

    @Test
    void convGradientsOfOneImageWithRespectToZAndMuMatchFiniteDifferences() {
        // A smaller step, as in GradientCheckTest: the conv decoder has 28·28·16 ReLUs, and a larger stencil straddles more kinks.
        check(new Vae(VaeConfig.conv().withLatentSize(2).withDataType(DataType.DOUBLE)), Mnist.train().batch(6), 2e-5, "mu", "z");
    }

    @Test
    void aVariableTheLossDoesNotReadIsAnErrorNotASilentGap() {
        Vae vae = mlp();
        INDArray x = Mnist.train().batch(0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vae.gradients(x, vae.epsilon(2, new Random(1)), "mu", "reconstruction"));
        assertTrue(e.getMessage().startsWith("'reconstruction' has no gradient"), e.getMessage());
    }

    private static Vae mlp() {
        return new Vae(VaeConfig.lesson().withHiddenSize(16).withLatentSize(3).withDataType(DataType.DOUBLE));
    }

    private static void check(Vae vae, INDArray x, double step, String... intermediates) {
        int batch = (int) x.rows();
        INDArray eps = vae.epsilon(batch, new Random(21));
        String[] wrt = Stream.concat(Arrays.stream(intermediates), Stream.of("muB")).toArray(String[]::new);
        Map<String, INDArray> g = vae.gradients(x, eps, wrt);
        ForwardPass pass = vae.forward(x, eps);
        for (String name : intermediates) {
            assertArrayEquals(pass.shape(name), g.get(name).shape(), "d loss/d " + name + " has the shape of " + name + " for this batch");
        }
        assertArrayEquals(vae.parameters().get("muB").shape(), g.get("muB").shape(), "d loss/d muB has the shape of muB");

        Reference reference = new Reference(vae, x, eps, pass.logVar());
        double[][] mu = rows(pass.mu()), logVar = rows(pass.logVar()), sigma = rows(pass.sigma()), z = rows(pass.z());
        for (String name : intermediates) {
            switch (name) {
                case "mu" -> compare(name, step, g.get(name), at -> reference.loss(at, logVar), mu);
                case "logVar" -> compare(name, step, g.get(name), at -> reference.loss(mu, at), logVar);
                case "sigma" -> compare(name, step, g.get(name), at -> reference.lossWithLogVarHeld(mu, at), sigma);
                case "z" -> compare(name, step, g.get(name), reference::reconstructionLoss, z);
                default -> throw new IllegalArgumentException(name);
            }
        }
        // A weight, against finite differences of the graph's own loss (as GradientCheckTest does for every weight).
        INDArray muB = vae.parameters().get("muB");
        double[][] bias = {muB.toDoubleVector()};
        compare("muB", step, g.get("muB").reshape(1, muB.length()), at -> {
            muB.assign(Nd4j.createFromArray(at[0]).reshape(muB.shape()));
            return vae.forward(x, eps).loss();
        }, bias);
        muB.assign(Nd4j.createFromArray(bias[0]).reshape(muB.shape()));
    }

    /** The loss of {@link VaeLoss} in plain doubles, as a function of μ, logvar, σ or z; only decode() comes from the graph. */
    private record Reference(Vae vae, double[][] x, double[][] eps, double[][] logVar) {
        Reference(Vae vae, INDArray x, INDArray eps, INDArray logVar) { this(vae, rows(x), rows(eps), rows(logVar)); }

        /** L(μ, logvar) = mean over images of BCE(x, decode(μ + exp(½·logvar)·ε)) + ½·Σ(μ² + exp(logvar) − logvar − 1). */
        double loss(double[][] mu, double[][] logVar) {
            double[][] z = new double[mu.length][mu[0].length];
            double kl = 0;
            for (int b = 0; b < mu.length; b++) {
                for (int j = 0; j < mu[b].length; j++) {
                    z[b][j] = mu[b][j] + Math.exp(0.5 * logVar[b][j]) * eps[b][j];
                    kl += 0.5 * (mu[b][j] * mu[b][j] + Math.exp(logVar[b][j]) - logVar[b][j] - 1);
                }
            }
            return reconstructionLoss(z) + kl / mu.length;
        }

        /** L_σ(μ, σ) = mean of BCE(x, decode(μ + σ·ε)) + ½·Σ(μ² + σ² − logvar − 1), logvar held: the graph's KL reads σ and logvar apart. */
        double lossWithLogVarHeld(double[][] mu, double[][] sigma) {
            double[][] z = new double[mu.length][mu[0].length];
            double kl = 0;
            for (int b = 0; b < mu.length; b++) {
                for (int j = 0; j < mu[b].length; j++) {
                    z[b][j] = mu[b][j] + sigma[b][j] * eps[b][j];
                    kl += 0.5 * (mu[b][j] * mu[b][j] + sigma[b][j] * sigma[b][j] - logVar[b][j] - 1);
                }
            }
            return reconstructionLoss(z) + kl / mu.length;
        }

        /** Mean over images of −Σ[x·log p + (1 − x)·log(1 − p)] with p = decode(z). */
        double reconstructionLoss(double[][] z) {
            double[][] p = rows(vae.decode(Nd4j.createFromArray(z)));
            double sum = 0;
            for (int b = 0; b < p.length; b++) {
                for (int i = 0; i < p[b].length; i++) sum -= x[b][i] * Math.log(p[b][i]) + (1 - x[b][i]) * Math.log(1 - p[b][i]);
            }
            return sum / p.length;
        }
    }

    /** Every entry of {@code analytic} against five-point differences of {@code loss} around {@code at}. */
    private static void compare(String name, double step, INDArray analytic, ToDoubleFunction<double[][]> loss, double[][] at) {
        double[][] gradient = rows(analytic);
        int checked = 0, kinks = 0, entries = 0;
        for (int b = 0; b < at.length; b++) {
            for (int j = 0; j < at[b].length; j++) {
                entries++;
                double numeric = fivePoint(loss, at, b, j, step), half = fivePoint(loss, at, b, j, step / 2);
                // A ReLU switching inside the stencil makes the loss not smooth there: the two steps disagree, and the entry is skipped.
                if (Math.abs(numeric - half) > TOLERANCE * Math.abs(numeric)) { kinks++; continue; }
                if (Math.abs(numeric) < 1e-6 && Math.abs(gradient[b][j]) < 1e-6) continue;   // relative error means nothing at 0
                double relative = Math.abs(gradient[b][j] - numeric) / Math.max(Math.abs(gradient[b][j]), Math.abs(numeric));
                assertTrue(relative <= TOLERANCE, "d loss/d " + name + "[" + b + ", " + j + "]: SameDiff " + gradient[b][j]
                        + ", finite difference " + numeric + ", relative error " + relative);
                checked++;
            }
        }
        assertTrue(checked * 2 >= entries, name + ": only " + checked + " of " + entries + " entries could be checked (" + kinks + " at ReLU kinks)");
    }

    private static double fivePoint(ToDoubleFunction<double[][]> loss, double[][] at, int b, int j, double h) {
        double original = at[b][j];
        double[] f = new double[4];
        double[] offsets = {-2 * h, -h, h, 2 * h};
        for (int k = 0; k < 4; k++) {
            at[b][j] = original + offsets[k];
            f[k] = loss.applyAsDouble(at);
        }
        at[b][j] = original;
        return (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * h);
    }

    private static double[][] rows(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
