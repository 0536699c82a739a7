package vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.Mnist;
import vae.maths.HandMaths;

/** The whole VAE graph's σ, z, KL and reconstruction loss against the same quantities recomputed in plain doubles. */
class GraphAgainstHandMathsTest {
    final Vae vae = new Vae(VaeConfig.lesson().withDataType(DataType.DOUBLE));
    final INDArray x = Mnist.train().batch(0, 1, 2);
    final ForwardPass pass = vae.forward(x, vae.epsilon(3, new Random(3)));

    @Test
    void sigmaZAndKlMatchTheClosedFormInDoubles() {
        double klSum = 0;
        for (int i = 0; i < 3; i++) {
            double[] mu = pass.mu().getRow(i).toDoubleVector(), logVar = pass.logVar().getRow(i).toDoubleVector();
            double[] eps = pass.epsilon().getRow(i).toDoubleVector();
            double[] sigma = HandMaths.sigma(logVar), z = HandMaths.z(mu, sigma, eps);
            for (int d = 0; d < mu.length; d++) {
                assertEquals(sigma[d], pass.sigma().getDouble(i, d), 1e-12);
                assertEquals(z[d], pass.z().getDouble(i, d), 1e-12);
            }
            double kl = HandMaths.kl(mu, logVar);
            assertEquals(kl, pass.get("klPerImage").getDouble(i), 1e-10);
            klSum += kl;
        }
        assertEquals(klSum / 3, pass.kl(), 1e-10, "KL is summed over dimensions, then averaged over the batch");
    }

    @Test
    void bceIsSummedOverPixelsAndAveragedOverTheBatch() {
        double total = 0;
        for (int i = 0; i < 3; i++) {
            double perImage = 0;
            for (int p = 0; p < 784; p++) {
                double t = x.getDouble(i, p), r = pass.reconstruction().getDouble(i, p);
                perImage += -(t * Math.log(r) + (1 - t) * Math.log(1 - r));
            }
            assertEquals(perImage, pass.get("reconstructionLossPerImage").getDouble(i), 1e-8);
            total += perImage;
        }
        assertEquals(total / 3, pass.reconstructionLoss(), 1e-8);
        assertEquals(pass.reconstructionLoss() + pass.kl(), pass.loss(), 1e-9);
    }

    @Test
    void mseAndBetaWeighting() {
        Vae mse = new Vae(VaeConfig.lesson().withDataType(DataType.DOUBLE).withReconstructionLoss(VaeConfig.ReconstructionLoss.MSE).withBeta(4));
        ForwardPass p = mse.forward(x, mse.epsilon(3, new Random(3)));
        double total = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 784; j++) {
            double d = p.reconstruction().getDouble(i, j) - x.getDouble(i, j);
            total += d * d;
        }
        assertEquals(total / 3, p.reconstructionLoss(), 1e-9);
        assertEquals(p.reconstructionLoss() + 4 * p.kl(), p.loss(), 1e-9);
    }
}
