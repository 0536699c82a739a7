package vae.kernel.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The output of the cell that runs now. {@code System.out} and {@code System.err} are routed here once, at start-up,
 * so whatever a cell (or a library it calls, or a thread it started) prints lands under that cell; text printed
 * while no cell runs goes to the log file.
 */
public final class CellContext {
    private static final Logger LOG = Logger.getLogger(CellContext.class.getName());
    private static volatile Output current;
    private static final Stream OUT = new Stream("stdout");
    private static final Stream ERR = new Stream("stderr");
    private static boolean installed;

    private CellContext() {}

    /** How often text printed without a newline (e.g. {@code print("epoch 1...")}) is sent while a cell runs. */
    static final long FLUSH_MS = 200;

    /** Routes {@code System.out}/{@code System.err} to the running cell; idempotent. */
    public static synchronized void install() {
        if (!installed) {
            System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
            Thread flusher = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(FLUSH_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (current != null) {
                        OUT.flush();
                        ERR.flush();
                    }
                }
            }, "cell-output-flusher");
            flusher.setDaemon(true);
            flusher.start();
            installed = true;
        }
    }

    /** Makes {@code output} the running cell's output; null when no cell runs. */
    public static void enter(Output output) {
        flush();
        current = output;
    }

    public static void leave() {
        flush();
        current = null;
    }

    public static Output current() {
        return current;
    }

    /** Sends what was printed so far. */
    public static void flush() {
        System.out.flush();
        System.err.flush();
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
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            if (buffer.size() == 0) {
                return;
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            Output out = current;
            if (out != null) {
                out.stream(name, text);
            } else {
                LOG.info(() -> name + " outside a cell: " + text.stripTrailing());
            }
        }
    }
}
