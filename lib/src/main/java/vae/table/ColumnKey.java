package vae.table;

import vae.Language;

/**
 * The stable name of a column the library's tables share, whatever language they are shown in: a table shows
 * {@link #label()} ("dimension" in English, "chiều" in Vietnamese), and a cell looks the column up the same way in
 * both, {@code table.doubleColumn(ColumnKey.SAMPLE_MEAN.label())}.
 */
public enum ColumnKey {
    /** The image of a batch ({@link LatentTable}, when there is more than one). */
    IMAGE("label.column.image"),
    /** The latent dimension, from 0 ({@link LatentTable}, {@link SampleTable}). */
    DIMENSION("label.column.dimension"),
    /** How many draws ({@link SampleTable}). */
    SAMPLES("label.column.samples"),
    /** The mean of the draws ({@link SampleTable}). */
    SAMPLE_MEAN("label.column.sampleMean"),
    /** The standard deviation of the draws ({@link SampleTable}). */
    SAMPLE_STD("label.column.sampleStd"),
    /** The name of a value of the forward pass ({@link ShapeTable}). */
    VALUE("label.column.value"),
    /** Its shape ({@link ShapeTable}). */
    SHAPE("label.column.shape");

    private final String messageKey;

    ColumnKey(String messageKey) { this.messageKey = messageKey; }

    /** The column's name as the tables show it in the language in use. */
    public String label() { return Language.text(messageKey); }
}
