package vae.kernel.magic;

import java.util.Locale;
import vae.kernel.evaluator.Evaluator;

/** {@code %time CODE} and {@code %%time}: run, then print the wall time. */
final class TimeMagics {
    private TimeMagics() {}

    static void register(Magics m) {
        m.line("time", "%time CODE              run the code on this line and print its wall time", (args, s, cell, line) -> {
            long start = System.nanoTime();
            try {
                return s.run(args, cell, line);
            } finally {
                printWallTime(start);
            }
        });
        m.cell("time", "%%time                  run the rest of the cell and print its wall time", (args, body, s, cell, firstLine) -> {
            long start = System.nanoTime();
            try {
                return s.run(body, cell, firstLine);
            } finally {
                printWallTime(start);
            }
        });
    }

    private static void printWallTime(long start) {
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(ms < 1000 ? String.format(Locale.ROOT, "Wall time: %.1f ms", ms)
                : String.format(Locale.ROOT, "Wall time: %.2f s", ms / 1000));
    }
}
