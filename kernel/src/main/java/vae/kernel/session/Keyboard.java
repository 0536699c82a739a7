package vae.kernel.session;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's {@code System.in}: a read asks the running cell's frontend for a line ({@code input_request}), as
 * {@code input()} does in ipykernel, so {@code new Scanner(System.in).nextLine()} shows an input box in the browser.
 * Where the frontend takes no keyboard input (nbclient, the headless runner, the grader) a read fails at once with
 * {@link KeyboardUnavailableException}, never waits.
 */
final class Keyboard extends InputStream {
    private final Runnable flushOutput;
    private byte[] line = new byte[0];
    private int next;

    Keyboard(Runnable flushOutput) {
        this.flushOutput = flushOutput;
    }

    /** Forgets what the last cell typed but did not read. */
    synchronized void clear() {
        line = new byte[0];
        next = 0;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return line[next++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - next);
        System.arraycopy(line, next, b, off, n);
        next += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - next;
    }

    /** True when there is something to read; asks the frontend for the next line when the last one is used up. */
    private boolean fill() {
        if (next < line.length) {
            return true;
        }
        Output out = CellContext.current();
        if (out == null) {
            throw new KeyboardUnavailableException("System.in was read outside a running cell; there is no one to type.");
        }
        flushOutput.run(); // the prompt the cell printed ("Your name: ") shows before the input box
        String typed = out.input("", false);
        line = (typed + "\n").getBytes(StandardCharsets.UTF_8);
        next = 0;
        return true;
    }
}
