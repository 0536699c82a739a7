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

    /** The kernel's magics: {@code %jars %classpath %maven %load %time %%time}. */
    public static Magics standard() {
        Magics m = new Magics();
        ClasspathMagics.register(m);
        LoadMagic.register(m);
        TimeMagics.register(m);
        return m;
    }

    public void line(String name, LineMagic magic) {
        lineMagics.put(name, magic);
    }

    public void cell(String name, CellMagic magic) {
        cellMagics.put(name, magic);
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
                + "; cell magics: " + String.join(" ", cellMagics.keySet().stream().map(n -> "%%" + n).toList()) + ".");
    }
}
