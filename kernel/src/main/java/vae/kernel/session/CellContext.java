package vae.kernel.session;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The output of the cell that runs now. {@code System.out} and {@code System.err} are routed here, so whatever a cell
 * (or a library it calls, or a thread it started) prints lands under that cell; text printed while no cell runs goes
 * to the log file. The kernel's streams are put back before and after every cell, whatever a cell set them to.
 *
 * <p>What is printed is gathered and sent as few {@code stream} messages, as ipykernel does: every
 * {@link #FLUSH_MS}, when {@link #FLUSH_BYTES} have piled up, and always before the cell's value, a display, an error
 * or the end of the cell. One message per line would make a chatty loop ~100× slower.
 */
public final class CellContext {
    private static final Logger LOG = Logger.getLogger(CellContext.class.getName());
    private static volatile Output current;
    private static final Stream OUT = new Stream("stdout");
    private static final Stream ERR = new Stream("stderr");
    // No autoflush: a println must not become a message of its own; the flusher and the size limit send it.
    private static final PrintStream KERNEL_OUT = new PrintStream(OUT, false, StandardCharsets.UTF_8);
    private static final PrintStream KERNEL_ERR = new PrintStream(ERR, false, StandardCharsets.UTF_8);
    private static final Keyboard KEYBOARD = new Keyboard(CellContext::flush);
    private static boolean installed;

    private CellContext() {}

    /** How often text printed meanwhile is sent while a cell runs (ipykernel: 0.2 s). */
    static final long FLUSH_MS = 200;
    /** Text piled up beyond this is sent at once, so a message stays a few MB at most. */
    static final int FLUSH_BYTES = 1 << 20;

    /** Routes {@code System.out}/{@code System.err}/{@code System.in} to the running cell; idempotent. */
    public static synchronized void install() {
        if (!installed) {
            restoreStreams();
            Thread flusher = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(FLUSH_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (current != null) {
                        flush();
                    }
                }
            }, "cell-output-flusher");
            flusher.setDaemon(true);
            flusher.start();
            installed = true;
        }
    }

    /** The kernel's own {@code System.out}, {@code System.err} and {@code System.in}, whatever a cell set them to. */
    private static void restoreStreams() {
        if (System.out != KERNEL_OUT) {
            System.setOut(KERNEL_OUT);
        }
        if (System.err != KERNEL_ERR) {
            System.setErr(KERNEL_ERR);
        }
        if (System.in != KEYBOARD) {
            System.setIn(KEYBOARD);
        }
    }

    /** Makes {@code output} the running cell's output; null when no cell runs. */
    public static void enter(Output output) {
        restoreStreams();
        flush();
        KEYBOARD.clear();
        current = output;
    }

    public static void leave() {
        restoreStreams();
        flush();
        current = null;
        KEYBOARD.clear();
    }

    public static Output current() {
        return current;
    }

    /** Sends what was printed so far (the kernel's streams only: a cell's own {@code System.out} is its business). */
    public static void flush() {
        KERNEL_OUT.flush();
        KERNEL_ERR.flush();
        OUT.flush();
        ERR.flush();
    }

    private static final class Stream extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Stream(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
            if (buffer.size() >= FLUSH_BYTES) {
                flush();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
            if (buffer.size() >= FLUSH_BYTES) {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            if (buffer.size() == 0) {
                return;
            }
            byte[] bytes = buffer.toByteArray();
            // Keep a multi-byte character whole: send up to its last complete UTF-8 sequence, keep the rest.
            int end = completeUtf8(bytes);
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            buffer.reset();
            buffer.write(bytes, end, bytes.length - end);
            Output out = current;
            if (out != null) {
                out.stream(name, text);
            } else {
                LOG.info(() -> name + " outside a cell: " + text.stripTrailing());
            }
        }

        /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
        static int completeUtf8(byte[] b) {
            int n = b.length;
            int i = n - 1;
            int back = 0;
            while (i >= 0 && back < 4 && (b[i] & 0xC0) == 0x80) { // continuation bytes
                i--;
                back++;
            }
            if (i < 0) {
                return n;
            }
            int lead = b[i] & 0xFF;
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return (n - i) < need ? i : n;
        }
    }
}
