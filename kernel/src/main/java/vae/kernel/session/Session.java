package vae.kernel.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import vae.exercise.Check;
import vae.exercise.Verdicts;
import vae.kernel.KernelRuntime;
import vae.kernel.evaluator.CellException;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.magic.MagicException;
import vae.kernel.magic.Magics;
import vae.kernel.render.Renderers;

/**
 * Runs whole cells: magics first-class, code through the {@link Evaluator}, the last value rendered. The kernel and
 * the headless runner both run cells through here, so a notebook behaves the same in both.
 */
public final class Session implements AutoCloseable {
    private final Evaluator evaluator;
    private final Magics magics;
    private final List<String> added = new ArrayList<>();
    private volatile String cellKey = "";   // the running cell's code, hashed: a check cell is locked, so it keeps its key
    private final Verdicts verdicts = SessionVerdicts.create(() -> cellKey);

    private Session(Evaluator evaluator, Magics magics) {
        this.evaluator = evaluator;
        this.magics = magics;
        // Step 3 of KernelRuntime's order: the cells' streams, the renderers, the checks, the language.
        CellContext.install();
        Renderers.reset();      // the kernel's own: a previous session's %jars must not render this one's values
        Check.use(verdicts);
        vae.Language.reset();   // a new session speaks English until its notebook's setup cell says otherwise
    }

    /**
     * A fresh session with this JVM's classpath and the standard magics, as if in a new kernel; the JVM must have run
     * {@link KernelRuntime#start} first (its log file, before the cells' streams are routed).
     */
    public static Session create() {
        if (!KernelRuntime.started()) {
            // internal: every main and test starts the runtime before its first session
            throw new IllegalStateException("Session.create() before KernelRuntime.start(log): the log must go to its file"
                    + " before System.err is routed into cells, or a logged line would land in a cell");
        }
        return new Session(new Evaluator(), Magics.standard());
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public Magics magics() {
        return magics;
    }

    /** The verdicts of the checks run in this session (a new session starts with none). */
    public Verdicts verdicts() {
        return verdicts;
    }

    /**
     * Runs a cell: what it prints and displays goes to {@code out}, then its value as {@code execute_result}.
     *
     * @param cell how errors name the cell, e.g. {@code "In [3]"}
     */
    public void execute(String code, String cell, Output out) throws CellException {
        evaluator.clearInterrupt();
        Check.use(verdicts); // the checks of this cell count for this session, whichever session ran last
        cellKey = Integer.toHexString(code.strip().hashCode());
        CellContext.enter(out);
        try {
            Evaluator.Result result = run(code, cell, 1);
            for (String warning : result.warnings()) {
                System.err.println("Note: " + warning);
            }
            CellContext.flush();
            if (result.present() && result.value() instanceof vae.kernel.DisplaysItself d) {
                d.displayItself(); // a widget: its view, as IPython shows one through _ipython_display_
            } else if (result.present() && !(result.value() instanceof vae.kernel.DisplayId)) {
                out.result(Renderers.get().render(result.value()));
            }
        } finally {
            CellContext.leave();
        }
    }

    /** Runs code that may hold magic lines, starting at line {@code firstLine} of {@code cell}; returns the last value. */
    public Evaluator.Result run(String code, String cell, int firstLine) throws CellException {
        String[] lines = code.split("\n", -1);
        if (lines.length > 0 && lines[0].startsWith("%%")) {
            String[] nameArgs = nameAndArgs(lines[0].substring(2));
            String body = String.join("\n", List.of(lines).subList(1, lines.length));
            return call(() -> magics.cellMagic(nameArgs[0]).run(nameArgs[1], body, this, cell, firstLine + 1), nameArgs[0]);
        }
        Evaluator.Result last = Evaluator.Result.none(List.of());
        StringBuilder chunk = new StringBuilder();
        int chunkStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (isMagicLine(lines[i])) {
                if (!chunk.toString().isBlank()) {
                    last = evaluator.eval(chunk.toString(), cell, firstLine + chunkStart);
                }
                chunk.setLength(0);
                chunkStart = i + 1;
                String[] nameArgs = nameAndArgs(lines[i].substring(1));
                int line = firstLine + i;
                last = call(() -> magics.lineMagic(nameArgs[0]).run(nameArgs[1], this, cell, line), nameArgs[0]);
                if (evaluator.isInterrupted()) {
                    throw new vae.kernel.evaluator.InterruptedCellException();
                }
            } else {
                if (chunk.length() > 0 || i > chunkStart) {
                    chunk.append('\n');
                }
                chunk.append(lines[i]);
            }
        }
        if (!chunk.toString().isBlank()) {
            last = evaluator.eval(chunk.toString(), cell, firstLine + chunkStart);
        }
        return last;
    }

    /** Adds a jar or directory for the cells; false if it was added before. */
    public boolean addToClasspath(Path path) {
        String p = path.toAbsolutePath().toString();
        if (added.contains(p)) {
            return false;
        }
        evaluator.addToClasspath(p);
        added.add(p);
        Renderers.reload(evaluator.snippetLoader());
        return true;
    }

    /** What {@code %jars}, {@code %classpath} and {@code %maven} added. */
    public List<String> addedToClasspath() {
        return List.copyOf(added);
    }

    /** Completion, with magic names at the start of a line. */
    public Evaluator.Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String prefix = code.substring(lineStart, cursor);
        if (prefix.startsWith("%") && !prefix.contains(" ")) {
            List<String> names = magics.names().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toList());
            return new Evaluator.Completion(names, lineStart, cursor);
        }
        return evaluator.complete(maskMagics(code), cursor);
    }

    public java.util.Optional<String> inspect(String code, int cursor) {
        return evaluator.inspect(maskMagics(code), cursor);
    }

    public Evaluator.Readiness readiness(String code) {
        if (code.startsWith("%%")) {
            return Evaluator.Readiness.COMPLETE;
        }
        return evaluator.readiness(maskMagics(code));
    }

    @Override
    public void close() {
        evaluator.close();
    }

    /** {@code %name} at the start of a line (Java code never starts a line with % followed by a letter). */
    static boolean isMagicLine(String line) {
        return line.length() > 1 && line.charAt(0) == '%' && Character.isLetter(line.charAt(1));
    }

    /** The code with magic lines blanked out, offsets kept, for JShell's analysis. */
    static String maskMagics(String code) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (isMagicLine(lines[i]) || (i == 0 && lines[i].startsWith("%%"))) {
                lines[i] = " ".repeat(lines[i].length());
            }
        }
        return String.join("\n", lines);
    }

    private static String[] nameAndArgs(String s) {
        String trimmed = s.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new String[] {trimmed.toLowerCase(Locale.ROOT), ""}
                : new String[] {trimmed.substring(0, space).toLowerCase(Locale.ROOT), trimmed.substring(space + 1).strip()};
    }

    private interface MagicCall {
        Evaluator.Result call() throws Exception;
    }

    private static Evaluator.Result call(MagicCall c, String name) throws CellException {
        try {
            return c.call();
        } catch (CellException e) {
            throw e;
        } catch (Exception e) {
            throw new MagicException("%" + name + " failed: " + e);
        }
    }
}
