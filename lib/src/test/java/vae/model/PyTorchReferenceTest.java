package vae.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MLP VAE against PyTorch: its forward pass, losses and gradients for the weights, ε and digits of a fixture that
 * PyTorch's autograd computed once in float64 ({@code bench/pytorch_reference.py}, checked in as
 * {@code vae/reference/pytorch-mlp-vae.json}). Unlike {@code HandMaths}, nothing here is the library's formula typed
 * twice. The fixture's weights carry the library's names and [in, out] shapes: each W is the PyTorch layer's weight
 * transposed (nn.Linear keeps [out, in]), e.g. encoderW = fc1.weight.T.
 */
class PyTorchReferenceTest {
    /**
     * Relative to the largest entry of each array. Reached on 2026-12-01: at most 1.6e-15 (float64 rounding; ND4J and
     * PyTorch sum in different orders), so 1e-12 leaves a margin for other BLAS builds while any error in a formula, a
     * reduction or a weight's layout is off by orders of magnitude more.
     */
    static final double TOLERANCE = 1e-12;

    static JsonObject fixture;
    static Vae vae;
    static INDArray x, epsilon;
    static ForwardPass pass;

    @BeforeAll
    static void loadThePyTorchFixtureIntoADoubleVae() throws IOException {
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("/vae/reference/pytorch-mlp-vae.json")) {
            fixture = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
        }
        JsonObject c = fixture.getAsJsonObject("config");
        vae = new Vae(VaeConfig.lesson().withHiddenSize(c.get("hiddenSize").getAsInt()).withLatentSize(c.get("latentSize").getAsInt())
                .withBeta(c.get("beta").getAsDouble()).withDataType(DataType.DOUBLE));
        // Vae.parameters() gives the live weights by name: the fixture's values go into them in place.
        for (Map.Entry<String, JsonElement> w : fixture.getAsJsonObject("weights").entrySet()) {
            INDArray weight = vae.parameters().get(w.getKey());
            assertNotNull(weight, w.getKey() + " of the fixture is not a weight of the model, whose weights are " + vae.parameters().keySet());
            INDArray value = array(w.getValue().getAsJsonObject());
            assertArrayEquals(value.shape(), weight.shape(), w.getKey() + ": the fixture's shape is the library's");
            weight.assign(value);
        }
        x = array(fixture.getAsJsonObject("x").getAsJsonObject("greyLevels")).div(255);   // x = greyLevels / 255, as Mnist scales
        epsilon = array(fixture.getAsJsonObject("epsilon"));
        pass = vae.forward(x, epsilon);
    }

    @Test
    void theFixtureSetsEveryWeightOfTheModel() {
        assertEquals(vae.parameters().keySet(), fixture.getAsJsonObject("weights").keySet());
    }

    @Test
    void muLogVarSigmaAndZMatchPyTorch() {
        for (String name : List.of("mu", "logVar", "sigma", "z")) assertClose(name, expected("forward", name), pass.get(name));
    }

    @Test
    void reconstructionMatchesPyTorchsSigmoidOfTheLogits() {
        assertClose("reconstruction", expected("forward", "reconstruction"), pass.reconstruction());
    }

    @Test
    void perImageAndBatchMeanLossesMatchPyTorch() {
        // PyTorch's KL reads e^logvar where the graph reads σ·σ: the same number, by another route.
        assertClose("reconstructionLossPerImage", expected("forward", "reconstructionLossPerImage"), pass.get("reconstructionLossPerImage"));
        assertClose("klPerImage", expected("forward", "klPerImage"), pass.get("klPerImage"));
        JsonObject forward = fixture.getAsJsonObject("forward");
        assertScalarClose("reconstructionLoss", forward.get("reconstructionLoss").getAsDouble(), pass.reconstructionLoss());
        assertScalarClose("kl", forward.get("kl").getAsDouble(), pass.kl());
        assertScalarClose("loss", forward.get("loss").getAsDouble(), pass.loss());
    }

    @Test
    void gradientsOfEveryWeightMatchPyTorchsAutograd() {
        String[] weights = vae.parameterNames().toArray(String[]::new);
        Map<String, INDArray> gradients = vae.gradients(x, epsilon, weights);
        for (String name : weights) assertClose("d loss/d " + name, expected("gradients", name), gradients.get(name));
    }

    @Test
    void gradientsOfMuLogVarAndZMatchPyTorchsRetainedGradients() {
        // Total derivatives of the loss: d loss/d μ includes the KL's μ² as well as the path through z.
        Map<String, INDArray> gradients = vae.gradients(x, epsilon, "mu", "logVar", "z");
        for (String name : List.of("mu", "logVar", "z")) assertClose("d loss/d " + name, expected("gradients", name), gradients.get(name));
    }

    private static INDArray expected(String group, String name) {
        return array(fixture.getAsJsonObject(group).getAsJsonObject(name));
    }

    /** A {shape, data} object of the fixture (row-major) as a DOUBLE array. */
    private static INDArray array(JsonObject json) {
        List<Long> shape = new ArrayList<>();
        json.getAsJsonArray("shape").forEach(s -> shape.add(s.getAsLong()));
        double[] data = new Gson().fromJson(json.get("data"), double[].class);
        return Nd4j.createFromArray(data).reshape(shape.stream().mapToLong(Long::longValue).toArray());
    }

    /** Every entry within {@link #TOLERANCE} of the largest expected magnitude; the message names the worst entry. */
    private static void assertClose(String name, INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape(), name + ": shape");
        double[] e = expected.reshape(expected.length()).toDoubleVector(), a = actual.castTo(DataType.DOUBLE).reshape(actual.length()).toDoubleVector();
        double scale = 0, worst = 0;
        int at = 0;
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            double error = Math.abs(a[i] - e[i]);
            if (error > worst || Double.isNaN(error)) { worst = error; at = i; }
        }
        assertTrue(worst <= TOLERANCE * scale, name + ": entry " + at + " is " + a[at] + " but PyTorch gives " + e[at]
                + " (error " + worst + ", allowed " + TOLERANCE * scale + ")");
    }

    private static void assertScalarClose(String name, double expected, double actual) {
        assertEquals(expected, actual, TOLERANCE * Math.abs(expected), name + " against PyTorch");
    }
}
