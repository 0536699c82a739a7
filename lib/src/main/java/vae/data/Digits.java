package vae.data;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.runtime.Backend;
import vae.Language;

/**
 * A set of labelled digit images: the grey levels as stored (0–255) and the pixels the models read,
 * scaled to [0, 1] and flattened to one row of 784 per image.
 */
public final class Digits {
    static { Backend.start(); }

    private final String name;
    private final byte[] greyLevels;   // n × pixels, unsigned, as in the IDX file
    private final int[] labels;
    private final int rows, columns;
    private INDArray pixels;           // [n, rows·columns] in [0, 1], made on first use

    Digits(String name, byte[] greyLevels, int[] labels, int rows, int columns) {
        this.name = name;
        this.greyLevels = greyLevels;
        this.labels = labels;
        this.rows = rows;
        this.columns = columns;
    }

    public int size() { return labels.length; }
    public int pixelsPerImage() { return rows * columns; }
    public int rows() { return rows; }
    public int columns() { return columns; }
    public int label(int index) { return labels[check(index)]; }
    public int[] labels() { return labels.clone(); }

    /** Every image as [n, 784], pixels scaled to [0, 1]. */
    public synchronized INDArray images() {
        if (pixels == null) {
            float[] scaled = new float[greyLevels.length];
            // Scaled to [0, 1] because the BCE reconstruction loss reads each pixel as a Bernoulli probability.
            for (int i = 0; i < scaled.length; i++) scaled[i] = (greyLevels[i] & 0xff) / 255f;
            pixels = Nd4j.createFromArray(scaled).reshape(size(), pixelsPerImage());
        }
        return pixels;
    }

    /** Image {@code index} as [1, 784], pixels in [0, 1]. */
    public INDArray image(int index) {
        return images().getRow(check(index), true).dup();
    }

    /** The grey levels of image {@code index} as the file stores them: 0 (white paper) to 255 (black ink). */
    public int[] greyLevels(int index) {
        check(index);
        int n = pixelsPerImage();
        int[] grey = new int[n];
        for (int i = 0; i < n; i++) grey[i] = greyLevels[index * n + i] & 0xff;
        return grey;
    }

    /** The position of the first image of {@code digit}, e.g. {@code indexOfFirst(3)} for "the first 3". */
    public int indexOfFirst(int digit) {
        for (int i = 0; i < labels.length; i++) if (labels[i] == digit) return i;
        throw new IllegalArgumentException(Language.text("error.digits.noDigit", shownName(), digit, Arrays.toString(IntStream.of(labels).distinct().sorted().toArray())));
    }

    /** The first image of {@code digit} (a label 0–9, not a count) as [1, 784]: {@code image(indexOfFirst(digit))}. */
    public INDArray firstImageOfDigit(int digit) {
        return image(indexOfFirst(digit));
    }

    /** The images at {@code indices} as [k, 784], in that order. */
    public INDArray batch(int... indices) {
        if (indices.length == 0) throw new IllegalArgumentException(Language.text("error.digits.emptyBatch"));
        for (int index : indices) check(index);
        return Nd4j.pullRows(images(), 1, indices);
    }

    /**
     * {@code count} consecutive images starting at image {@code from}, as [count, 784]: {@code images(100, 5)} are images
     * 100 to 104. (A count, not an end as in {@code IntStream.range(from, to)}.)
     */
    public INDArray images(int from, int count) {
        check(from);
        check(from + count - 1);
        return images().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + count),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
    }

    /** The labels of the images at {@code indices}. */
    public int[] labels(int... indices) {
        return IntStream.of(indices).map(this::label).toArray();
    }

    /** A smaller set of the first {@code n} images and their labels (all if there are fewer), e.g. to keep a lesson fast. */
    public Digits first(int n) {
        int k = Math.min(n, size());
        int p = pixelsPerImage();
        return new Digits(name + " (first " + k + ")", Arrays.copyOf(greyLevels, k * p), Arrays.copyOf(labels, k), rows, columns);
    }

    /** How many images of each digit 0–9 there are. */
    public int[] countsPerDigit() {
        int[] counts = new int[10];
        for (int label : labels) if (label >= 0 && label < 10) counts[label]++;
        return counts;
    }

    public DataType dataType() { return DataType.FLOAT; }

    /** @deprecated the name did not say it gives an image of a digit: {@link #firstImageOfDigit(int)}. */
    @Deprecated public INDArray firstOf(int digit) { return firstImageOfDigit(digit); }
    /** @deprecated {@code range(from, size)} read like {@code IntStream.range(from, to)}: {@link #images(int, int)}. */
    @Deprecated public INDArray range(int from, int size) { return images(from, size); }

    private int check(int index) {
        if (index < 0 || index >= labels.length) {
            throw new IndexOutOfBoundsException(Language.text("error.digits.indexOutside", index, shownName(), (labels.length - 1)));
        }
        return index;
    }

    @Override
    public String toString() {
        return Language.text("label.digits", shownName(), size(), rows, columns, Arrays.toString(countsPerDigit()));
    }

    private static final Pattern SPLIT_NAME = Pattern.compile("(train|test)(?: \\(first (\\d+)\\))?");

    /** The set's name in the reader's language: "train", "test (first 100)"; in Vietnamese "tập huấn luyện", "tập kiểm tra (100 ảnh đầu)". */
    String shownName() {
        Matcher m = SPLIT_NAME.matcher(name);
        if (!m.matches()) return name;
        String split = Language.text("label.split." + m.group(1));
        return m.group(2) == null ? split : Language.text("label.split.first", split, Integer.parseInt(m.group(2)));
    }
}
