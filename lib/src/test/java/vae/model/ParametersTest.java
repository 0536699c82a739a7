package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

class ParametersTest {
    @Test
    void aLayerGivesTheVariablesOfTheWeightsItDeclared() {
        Parameters p = new Parameters();
        Parameters.Layer encoder = p.linear("encoder", 784, 4);
        Parameters.Layer conv = p.conv3x3("conv1", 1, 16);
        p.allocate(DataType.FLOAT, 1);
        SameDiff sd = SameDiff.create();
        Parameters.Variables vars = p.addTo(sd);
        assertEquals("encoderW", encoder.w(vars).name());
        assertEquals("encoderB", encoder.b(vars).name());
        assertArrayEquals(new long[] {784, 4}, encoder.w(vars).getShape());
        assertArrayEquals(new long[] {3, 3, 1, 16}, conv.w(vars).getShape());
        assertSame(sd.getVariable("conv1B"), conv.b(vars));
    }

    @Test
    void theWeightsKeepTheLessonsNamesInTheOrderTheyAreDeclared() {
        // The order is the parameter vector's and the seed's: each weight is filled with the next draws of one Random.
        assertEquals(List.of("encoderW", "encoderB", "muW", "muB", "logVarW", "logVarB", "decoderW", "decoderB", "outputW", "outputB"),
                new ArrayList<>(new Vae(VaeConfig.lesson()).parameters().keySet()));
        assertEquals(List.of("conv1W", "conv1B", "conv2W", "conv2B", "conv3W", "conv3B", "muW", "muB", "logVarW", "logVarB",
                        "decoderW", "decoderB", "deconv1W", "deconv1B", "deconv2W", "deconv2B", "outputW", "outputB"),
                new ArrayList<>(new Vae(VaeConfig.conv()).parameters().keySet()));
    }

    @Test
    void theFirstWeightIsTheSeedsFirstDrawWithinOneOverRootFanIn() {
        VaeConfig config = VaeConfig.lesson();
        double byHand = (2 * new Random(config.seed()).nextDouble() - 1) / Math.sqrt(784);   // PyTorch's bound for nn.Linear(784, …)
        assertEquals((float) byHand, new Vae(config).parameters().get("encoderW").getFloat(0, 0));
    }
}
