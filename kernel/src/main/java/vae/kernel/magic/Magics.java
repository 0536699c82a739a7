package vae.kernel.magic;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.session.Session;

/** The registry of line magics ({@code %name args}) and cell magics ({@code %%name args} on a cell's first line). */
public final class Magics {

    /** A line magic; returns the value to show, or {@link Evaluator.Result#present()} false. */
    @FunctionalInterface
    public interface LineMagic {
        Evaluator.Result run(String args, Session session, String cell, int line) throws Exception;
    }

    /** A cell magic, given the rest of the cell. */
    @FunctionalInterface
    public interface CellMagic {
        Evaluator.Result run(String args, String body, Session session, String cell, int firstLine) throws Exception;
    }

    private final Map<String, LineMagic> lineMagics = new TreeMap<>();
    private final Map<String, CellMagic> cellMagics = new TreeMap<>();
    /** One line of usage per magic, keyed by its name with % or %%: what %lsmagic lists and a wrong call repeats. */
    private final Map<String, String> usages = new TreeMap<>();

    /** The kernel's magics: {@code %jars %classpath %maven %load %time %%time}, and {@code %lsmagic}/{@code %help} listing them. */
    public static Magics standard() {
        Magics m = new Magics();
        ClasspathMagics.register(m);
        LoadMagic.register(m);
        TimeMagics.register(m);
        LineMagic list = (args, s, cell, line) -> new Evaluator.Result(true, m.usage(), java.util.List.of());
        m.line("lsmagic", "%lsmagic                every magic with one line of usage (as IPython's %lsmagic)", list);
        m.line("help", "%help                   the same list", list);
        return m;
    }

    /** Registers {@code %name}; {@code usage} is its one line for %lsmagic, repeated under any error it raises. */
    public void line(String name, String usage, LineMagic magic) {
        usages.put("%" + name, usage);
        lineMagics.put(name, (args, s, cell, line) -> {
            try {
                return magic.run(args, s, cell, line);
            } catch (MagicException e) {
                throw withUsage(e, usage);
            }
        });
    }

    /** Registers {@code %%name}; as {@link #line}. */
    public void cell(String name, String usage, CellMagic magic) {
        usages.put("%%" + name, usage);
        cellMagics.put(name, (args, body, s, cell, firstLine) -> {
            try {
                return magic.run(args, body, s, cell, firstLine);
            } catch (MagicException e) {
                throw withUsage(e, usage);
            }
        });
    }

    /** Every magic with its line of usage, line magics first: what %lsmagic and %help show. */
    public String usage() {
        StringBuilder text = new StringBuilder("Line magics (a line of their own, anywhere in a cell):\n");
        usages.forEach((name, usage) -> { if (!name.startsWith("%%")) text.append("  ").append(usage).append('\n'); });
        text.append("Cell magics (the cell's first line; they take the rest of the cell):\n");
        usages.forEach((name, usage) -> { if (name.startsWith("%%")) text.append("  ").append(usage).append('\n'); });
        return text.toString().stripTrailing();
    }

    // A nested magic (%time %jars x) has added its own usage already: one is enough.
    private static MagicException withUsage(MagicException e, String usage) {
        return e.evalue().contains("\nUsage: ") ? e : new MagicException(e.evalue() + "\nUsage: " + usage);
    }

    public LineMagic lineMagic(String name) throws MagicException {
        LineMagic m = lineMagics.get(name);
        if (m == null) {
            throw unknown("%" + name, cellMagics.containsKey(name) ? " (%%" + name + " exists as a cell magic: put it on the cell's first line)" : "");
        }
        return m;
    }

    public CellMagic cellMagic(String name) throws MagicException {
        CellMagic m = cellMagics.get(name);
        if (m == null) {
            throw unknown("%%" + name, lineMagics.containsKey(name) ? " (%" + name + " exists as a line magic)" : "");
        }
        return m;
    }

    /** Every magic's name with its % or %%, for completion. */
    public TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>();
        lineMagics.keySet().forEach(n -> names.add("%" + n));
        cellMagics.keySet().forEach(n -> names.add("%%" + n));
        return names;
    }

    private MagicException unknown(String what, String hint) {
        return new MagicException("Unknown magic " + what + hint + ". Line magics: "
                + String.join(" ", lineMagics.keySet().stream().map(n -> "%" + n).toList())
                + "; cell magics: " + String.join(" ", cellMagics.keySet().stream().map(n -> "%%" + n).toList())
                + ". %lsmagic lists them with their usage.");
    }
}
