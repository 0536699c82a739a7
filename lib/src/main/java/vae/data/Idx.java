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

    public static Contents read(Path file) {
        try (InputStream in = open(file); DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            if ((magic >>> 16) != 0) {
                throw corrupt(file, String.format("it starts with 0x%08x, not an IDX magic number 0x0000TTDD", magic));
            }
            int type = (magic >>> 8) & 0xff, rank = magic & 0xff;
            if (type != UNSIGNED_BYTE) {
                throw corrupt(file, String.format("its element type is 0x%02x; only unsigned bytes (0x08) are supported", type));
            }
            if (rank < 1 || rank > 4) throw corrupt(file, "it says it has " + rank + " dimensions; expected 1 to 4");
            int[] dims = new int[rank];
            long size = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 0) throw corrupt(file, "dimension " + i + " is negative (" + dims[i] + ")");
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE - 8) throw corrupt(file, "its dimensions " + Arrays.toString(dims) + " are too large");
            byte[] bytes = new byte[(int) size];
            int read = data.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                throw corrupt(file, "it is truncated: the header " + Arrays.toString(dims) + " promises " + size
                        + " bytes of data but only " + read + " follow");
            }
            return new Contents(dims, bytes);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("IDX file " + file + " does not exist", e);
        } catch (EOFException e) {
            throw corrupt(file, "it ends inside its header");
        } catch (ZipException e) {
            throw corrupt(file, "it looks gzipped but cannot be unzipped (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read IDX file " + file + ": " + e, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        return (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static IllegalArgumentException corrupt(Path file, String what) {
        return new IllegalArgumentException("IDX file " + file + " is not valid: " + what);
    }
}
