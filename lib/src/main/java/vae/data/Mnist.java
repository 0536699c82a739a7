package vae.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The digits the lessons use: 9,000 training and 1,000 test images of MNIST shipped in {@code data/}
 * (see data/README.md), or any pair of IDX files such as the full MNIST or Fashion-MNIST.
 */
public final class Mnist {
    /** A system property or environment variable naming the data folder, for running outside the repository. */
    public static final String DATA_DIR_SETTING = "VAE_DATA";

    private static Digits train, test;

    private Mnist() {}

    /** The 9,000 training digits (loaded once). */
    public static synchronized Digits train() {
        if (train == null) train = load("train");
        return train;
    }

    /** The 1,000 test digits (loaded once). */
    public static synchronized Digits test() {
        if (test == null) test = load("test");
        return test;
    }

    private static Digits load(String split) {
        Path dir = dataDirectory();
        return load(split, dir.resolve(split + "-images-idx3-ubyte.gz"), dir.resolve(split + "-labels-idx1-ubyte.gz"));
    }

    /** Any images file [n, rows, cols] with its labels file [n], both IDX, gzipped or not. */
    public static Digits load(String name, Path imagesFile, Path labelsFile) {
        Idx.Contents images = Idx.read(imagesFile);
        Idx.Contents labels = Idx.read(labelsFile);
        if (images.dims().length != 3) {
            throw new IllegalArgumentException("IDX file " + imagesFile + " has dimensions " + Arrays.toString(images.dims())
                    + " but images should be [count, rows, columns]: is it a labels file?");
        }
        if (labels.dims().length != 1) {
            throw new IllegalArgumentException("IDX file " + labelsFile + " has dimensions " + Arrays.toString(labels.dims())
                    + " but labels should be [count]: is it an images file?");
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(imagesFile + " holds " + images.count() + " images but " + labelsFile
                    + " holds " + labels.count() + " labels: they should come in pairs");
        }
        int[] labelValues = new int[labels.count()];
        for (int i = 0; i < labelValues.length; i++) labelValues[i] = labels.data()[i] & 0xff;
        return new Digits(name, images.data(), labelValues, images.dims()[1], images.dims()[2]);
    }

    /**
     * The folder holding the IDX files: {@code VAE_DATA} if set, else {@code data/} in the working folder
     * or in one of its parents (so notebooks in {@code notebooks/} and tests in {@code lib/} both find it).
     */
    public static Path dataDirectory() {
        String setting = System.getProperty(DATA_DIR_SETTING, System.getenv(DATA_DIR_SETTING));
        if (setting != null && !setting.isBlank()) return Path.of(setting);
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isRegularFile(candidate.resolve("train-images-idx3-ubyte.gz"))) return candidate;
        }
        throw new IllegalStateException("Cannot find the digits: no data/train-images-idx3-ubyte.gz in " + start
                + " or its parents. Run from inside the repository or set " + DATA_DIR_SETTING + " to the data folder.");
    }
}
