package vae.data;

import java.nio.file.Path;
import java.util.Arrays;
import vae.Language;

/**
 * The digits the lessons use: 9,000 training and 1,000 test images of MNIST shipped in the vae-data jar, built from
 * the repository's {@code data/} (see data/README.md), or any pair of IDX files such as the full MNIST or Fashion-MNIST.
 */
public final class Mnist {
    /** The same as {@link DataFiles#SETTING}: a folder to read the IDX files from instead of the vae-data jar. */
    public static final String DATA_DIR_SETTING = DataFiles.SETTING;

    private static Digits train, test;

    private Mnist() {}

    /** The 9,000 training digits (loaded once): from the VAE_DATA folder if it is set, else from the vae-data jar. */
    public static synchronized Digits train() {
        if (train == null) train = load("train", DataFiles.current());
        return train;
    }

    /** The 1,000 test digits (loaded once), from where {@link #train()} reads. */
    public static synchronized Digits test() {
        if (test == null) test = load("test", DataFiles.current());
        return test;
    }

    /** One split, "train" or "test": {@code <split>-images-idx3-ubyte.gz} and {@code <split>-labels-idx1-ubyte.gz} of {@code files}. */
    public static Digits load(String split, DataFiles files) {
        String images = split + "-images-idx3-ubyte.gz", labels = split + "-labels-idx1-ubyte.gz";
        return digits(split, files.read(images, Named::read), files.read(labels, Named::read));
    }

    /** Any images file [n, rows, cols] with its labels file [n], both IDX, gzipped or not. */
    public static Digits load(String name, Path imagesFile, Path labelsFile) {
        return digits(name, new Named(imagesFile.toString(), Idx.read(imagesFile)), new Named(labelsFile.toString(), Idx.read(labelsFile)));
    }

    /** IDX contents with the name its messages use. */
    private record Named(String name, Idx.Contents contents) {
        static Named read(java.io.InputStream in, String name) { return new Named(name, Idx.read(in, name)); }
    }

    private static Digits digits(String name, Named imagesFile, Named labelsFile) {
        Idx.Contents images = imagesFile.contents(), labels = labelsFile.contents();
        if (images.dims().length != 3) {
            throw new IllegalArgumentException(Language.text("error.mnist.imagesDims", imagesFile.name(), Arrays.toString(images.dims())));
        }
        if (labels.dims().length != 1) {
            throw new IllegalArgumentException(Language.text("error.mnist.labelsDims", labelsFile.name(), Arrays.toString(labels.dims())));
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(Language.text("error.mnist.counts", imagesFile.name(), images.count(), labelsFile.name(), labels.count()));
        }
        int[] labelValues = new int[labels.count()];
        for (int i = 0; i < labelValues.length; i++) labelValues[i] = labels.data()[i] & 0xff;
        return new Digits(name, images.data(), labelValues, images.dims()[1], images.dims()[2]);
    }
}
