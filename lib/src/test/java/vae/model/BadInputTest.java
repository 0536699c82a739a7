package vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.data.Images;
import vae.data.Mnist;

/** Each bad input gets a message that says what came, what was expected and the fix. */
class BadInputTest {
    final Vae vae = Vae.untrained();
    final INDArray three = Mnist.train().batch(0, 1, 2);

    private String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void encoderRejectsUnflattenedImages() {
        assertEquals("x has shape [3, 28, 28] but the encoder expects [batch, 784]: flatten each image first with Images.flatten(x)",
                message(() -> vae.encode(Images.toSquares(three))));
    }

    @Test
    void encoderRejectsAOneDimensionalImage() {
        assertEquals("x has shape [784] but the encoder expects [batch, 784]: make it one row with x.reshape(1, 784)",
                message(() -> vae.encode(three.getRow(0))));
    }

    @Test
    void encoderRejectsWrongInputWidth() {
        assertEquals("x has shape [3, 100] but the encoder expects [batch, 784]", message(() -> vae.encode(Nd4j.zeros(DataType.FLOAT, 3, 100))));
    }

    @Test
    void epsilonOfTheWrongLatentSize() {
        assertEquals("epsilon has shape [3, 20] but this VAE's latent size is 10, so epsilon must be [batch, 10]",
                message(() -> vae.forward(three, Nd4j.zeros(DataType.FLOAT, 3, 20))));
        assertEquals("epsilon has 2 rows but x has 3 images: give one row of epsilon per image",
                message(() -> vae.forward(three, vae.epsilon(2, new Random(1)))));
    }

    @Test
    void nanInTheInput() {
        INDArray x = three.dup();
        x.putScalar(1, 5, Double.NaN);
        assertEquals("x contains NaN or infinite pixels; expected values in [0, 1]. Check how the images were loaded or scaled",
                message(() -> vae.encode(x)));
    }

    @Test
    void unscaledPixels() {
        assertEquals("x has pixels from 0.0 to 255.0 but the model expects [0, 1]: divide grey levels 0–255 by 255",
                message(() -> vae.encode(three.mul(255))));
    }

    @Test
    void zOfTheWrongSizeForTheDecoder() {
        assertEquals("z has shape [4, 2] but this VAE's latent size is 10, so z must be [batch, 10]",
                message(() -> vae.decode(Nd4j.zeros(DataType.FLOAT, 4, 2))));
    }

    @Test
    void impossibleConfigs() {
        assertEquals("latentSize is 0 but must be ≥ 1", message(() -> VaeConfig.lesson().withLatentSize(0)));
        assertEquals("beta is -1.0 but must be a finite number ≥ 0", message(() -> VaeConfig.lesson().withBeta(-1)));
        assertEquals("The graph has no variable 'muu'; try one of " + Vae.LESSON_STEPS + " or " + vae.parameterNames(),
                message(() -> vae.gradients(three, vae.epsilon(3, new Random(1)), "muu")));
    }
}
