package vae.model;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.samediff.Epsilon;

/**
 * @deprecated the lesson calls this draw ε: {@link Vae#epsilon(int, Random)} draws it for a model, and
 * {@link Epsilon#standardNormal} is where it is made.
 */
@Deprecated
public final class Noise {
    private Noise() {}

    /** @deprecated {@link Vae#epsilon(int, Random)}, or {@link Epsilon#standardNormal} for any shape. */
    @Deprecated
    public static INDArray standardNormal(Random random, int rows, int columns, DataType type) {
        return Epsilon.standardNormal(random, rows, columns, type);
    }
}
