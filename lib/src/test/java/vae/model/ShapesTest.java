package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.Digits;
import vae.data.Images;
import vae.data.Mnist;

class ShapesTest {
    static final Digits TRAIN = Mnist.train();

    @Test
    void oneImageThroughTheMlpVae() {
        ForwardPass pass = Vae.untrained().forward(TRAIN.firstImageOfDigit(3), new Random(1));
        assertArrayEquals(new long[] {1, 784}, pass.shape("x"));
        for (String name : new String[] {"mu", "logVar", "sigma", "epsilon", "z"}) assertArrayEquals(new long[] {1, 10}, pass.shape(name), name);
        assertArrayEquals(new long[] {1, 784}, pass.shape("reconstruction"));
        assertEquals(0, pass.get("loss").rank());
        assertEquals(Vae.LESSON_STEPS, pass.names().subList(0, Vae.LESSON_STEPS.size()));
    }

    @Test
    void batchOfThreeThroughTheMlpVae() {
        INDArray squares = Images.toSquares(TRAIN.batch(0, 1, 2));
        assertArrayEquals(new long[] {3, 28, 28}, squares.shape());
        ForwardPass pass = Vae.untrained().forward(Images.flatten(squares), new Random(1));
        for (String name : new String[] {"mu", "logVar", "sigma", "epsilon", "z"}) assertArrayEquals(new long[] {3, 10}, pass.shape(name), name);
        assertArrayEquals(new long[] {3, 784}, pass.shape("reconstruction"));
        assertArrayEquals(new long[] {3, 28, 28}, Images.toSquares(pass.reconstruction()).shape());
        assertArrayEquals(new long[] {3}, pass.shape("reconstructionLossPerImage"));
        assertArrayEquals(new long[] {3}, pass.shape("klPerImage"));
    }

    @Test
    void convVaeGoes28To14To7AndBack() {
        Vae conv = new Vae(VaeConfig.conv());
        INDArray x = TRAIN.batch(0, 1, 2);
        INDArray epsilon = conv.epsilon(3, new Random(2));
        Map<String, INDArray> out = conv.intermediates(x, epsilon,
                "image", "conv1", "conv2", "conv3", "flattened", "mu", "decoderGrid", "deconv1", "deconv2", "reconstruction");
        assertArrayEquals(new long[] {3, 1, 28, 28}, out.get("image").shape());
        assertArrayEquals(new long[] {3, 16, 28, 28}, out.get("conv1").shape());
        assertArrayEquals(new long[] {3, 32, 14, 14}, out.get("conv2").shape());
        assertArrayEquals(new long[] {3, 64, 7, 7}, out.get("conv3").shape());
        assertArrayEquals(new long[] {3, 3136}, out.get("flattened").shape());
        assertArrayEquals(new long[] {3, 10}, out.get("mu").shape());
        assertArrayEquals(new long[] {3, 64, 7, 7}, out.get("decoderGrid").shape());
        assertArrayEquals(new long[] {3, 32, 14, 14}, out.get("deconv1").shape());
        assertArrayEquals(new long[] {3, 16, 28, 28}, out.get("deconv2").shape());
        assertArrayEquals(new long[] {3, 784}, out.get("reconstruction").shape());
        assertArrayEquals(new long[] {1, 784}, conv.forward(TRAIN.image(0), new Random(1)).shape("reconstruction"));
    }

    @Test
    void rowZeroOfABatchEqualsTheSingleImagePass() {
        Vae vae = Vae.untrained();
        INDArray epsilon = vae.epsilon(3, new Random(5));
        ForwardPass batch = vae.forward(TRAIN.batch(7, 8, 9), epsilon);
        ForwardPass single = vae.forward(TRAIN.image(7), epsilon.getRow(0, true));
        assertArrayEquals(single.z().toFloatVector(), batch.z().getRow(0).toFloatVector(), 1e-6f);
        assertArrayEquals(single.reconstruction().toFloatVector(), batch.reconstruction().getRow(0).toFloatVector(), 1e-6f);
        assertEquals(single.get("reconstructionLossPerImage").getDouble(0), batch.get("reconstructionLossPerImage").getDouble(0), 1e-3);
    }
}
