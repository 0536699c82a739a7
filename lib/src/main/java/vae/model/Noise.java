package vae.model;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ε ~ N(0, I), drawn in Java from a seeded {@link Random}, so a seed fixes every draw of a lesson or a training run. */
public final class Noise {
    private Noise() {}

    /** A [rows, columns] array of independent standard normal draws. */
    public static INDArray standardNormal(Random random, int rows, int columns, DataType type) {
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) values[i] = random.nextGaussian();
        return Nd4j.createFromArray(values).reshape('c', rows, columns).castTo(type);
    }
}
