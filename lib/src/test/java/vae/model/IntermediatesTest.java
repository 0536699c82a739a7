package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import vae.data.Mnist;

/** {@link Vae#intermediates}: the values a notebook asks for by name, checked, and equal to an independent computation. */
class IntermediatesTest {
    private final Vae vae = Vae.untrained();
    private final INDArray x = Mnist.train().batch(0, 1, 2);
    private final INDArray epsilon = vae.epsilon(3, new Random(4));

    @Test
    void theHiddenLayerIsReluOfTheFirstLinearMap() {
        INDArray hidden = vae.intermediates(x, epsilon, "encoderHidden").get("encoderHidden");
        Map<String, INDArray> w = vae.parameterCopies();
        INDArray byHand = Transforms.relu(x.mmul(w.get("encoderW")).addRowVector(w.get("encoderB")), false);
        assertArrayEquals(new long[] {3, 400}, hidden.shape());
        assertTrue(hidden.equalsWithEps(byHand, 1e-5), "encoderHidden should be relu(x·W + b)");
    }

    @Test
    void namedValuesEqualTheForwardPassInTheOrderAsked() {
        ForwardPass pass = vae.forward(x, epsilon);
        Map<String, INDArray> values = vae.intermediates(x, epsilon, "z", "mu", "reconstructionLossPerPixel");
        assertEquals(List.of("z", "mu", "reconstructionLossPerPixel"), List.copyOf(values.keySet()));
        assertTrue(values.get("z").equalsWithEps(pass.z(), 1e-6));
        assertTrue(values.get("mu").equalsWithEps(pass.mu(), 1e-6));
        assertArrayEquals(new long[] {3, 784}, values.get("reconstructionLossPerPixel").shape());
    }

    @Test
    void theNamesAreComputedValuesOnly() {
        List<String> names = vae.intermediateNames();
        assertTrue(names.containsAll(List.of("encoderHidden", "mu", "logVar", "sigma", "z", "reconstruction", "loss")), names.toString());
        assertTrue(!names.contains("x") && !names.contains("epsilon") && !names.contains("encoderW"), names.toString());
    }

    @Test
    void aTypoAWeightOrNoNameIsRejectedWithTheKnownNames() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> vae.intermediates(x, epsilon, "encoderHiden"));
        assertTrue(typo.getMessage().contains("'encoderHiden'") && typo.getMessage().contains("encoderHidden"), typo.getMessage());
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class, () -> vae.intermediates(x, epsilon, "encoderW"));
        assertTrue(weight.getMessage().contains("parameters()"), weight.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vae.intermediates(x, epsilon));
    }

    @Test
    void theInputsAreCheckedAsForAForwardPass() {
        IllegalArgumentException wrongEpsilon = assertThrows(IllegalArgumentException.class,
                () -> vae.intermediates(x, Nd4j.zeros(2, 10), "mu"));
        assertTrue(wrongEpsilon.getMessage().contains("3"), wrongEpsilon.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vae.intermediates(Nd4j.zeros(3, 28, 28), epsilon, "mu"));
    }
}
