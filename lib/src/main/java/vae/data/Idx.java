package vae.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import vae.Language;

/**
 * Reads the IDX format of the MNIST database (LeCun, Cortes and Burges): a magic number whose third byte
 * is the element type and fourth the number of dimensions, the dimensions as big-endian ints, then the data.
 * Gzipped files (as MNIST and Fashion-MNIST are distributed) are recognised by their first two bytes.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The dimensions and the unsigned bytes of one IDX file. */
    public record Contents(int[] dims, byte[] data) {
        public int count() { return dims[0]; }
        public int itemSize() { return data.length / Math.max(1, dims[0]); }
        @Override public String toString() { return "IDX " + Arrays.toString(dims); }
    }

    private Idx() {}

    /** Reads an IDX file, gzipped or not; messages name {@code file}. */
    public static Contents read(Path file) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(Language.text("error.idx.missing", file), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(Language.text("error.idx.cannotRead", file, e), e);
        }
        return read(in, file.toString());
    }

    /** Reads IDX content, gzipped or not, from {@code in} (a file, a classpath resource) and closes it; messages call it {@code name}. */
    public static Contents read(InputStream in, String name) {
        try (InputStream raw = in; InputStream content = unzipped(raw); DataInputStream data = new DataInputStream(content)) {
            int magic = data.readInt();
            if ((magic >>> 16) != 0) {
                throw corrupt(name, Language.text("error.idx.magic", String.format("0x%08x", magic)));
            }
            int type = (magic >>> 8) & 0xff, rank = magic & 0xff;
            if (type != UNSIGNED_BYTE) {
                throw corrupt(name, Language.text("error.idx.elementType", String.format("0x%02x", type)));
            }
            if (rank < 1 || rank > 4) throw corrupt(name, Language.text("error.idx.rank", rank));
            int[] dims = new int[rank];
            long size = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 0) throw corrupt(name, Language.text("error.idx.negativeDimension", i, dims[i]));
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE - 8) throw corrupt(name, Language.text("error.idx.tooLarge", Arrays.toString(dims)));
            byte[] bytes = new byte[(int) size];
            int read;
            try {
                read = data.readNBytes(bytes, 0, bytes.length);
            } catch (EOFException e) {   // a gzipped file cut short: the unzipping stops mid-stream
                throw corrupt(name, Language.text("error.idx.truncatedGzip", Arrays.toString(dims), size, e.getMessage()));
            }
            if (read < bytes.length) {
                throw corrupt(name, Language.text("error.idx.truncated", Arrays.toString(dims), size, read));
            }
            return new Contents(dims, bytes);
        } catch (EOFException e) {
            throw corrupt(name, Language.text("error.idx.endsInHeader"));
        } catch (ZipException e) {
            throw corrupt(name, Language.text("error.idx.notGzip", e.getMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException(Language.text("error.idx.cannotRead", name, e), e);
        }
    }

    /** Gzipped content (as MNIST is distributed) is recognised by its first two bytes. */
    private static InputStream unzipped(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read(), b1 = buffered.read();
        buffered.reset();
        return (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private static IllegalArgumentException corrupt(String name, String what) {
        return new IllegalArgumentException(Language.text("error.idx.invalid", name, what));
    }
}
