package vae.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's command line, written once: each command with its operands, its options and a line of help for each.
 * {@link #parse} reads options from this table and {@code --help} prints it; {@link Main}'s javadoc and
 * {@code ./tutorial}'s help point here instead of copying it.
 */
final class CommandLine {
    /** An option: its name, the value it takes ({@code null} for a flag), and one line of help. */
    record Option(String name, String value, String help) {
        String synopsis() {
            return value == null ? name : name + " " + value;
        }
    }

    /** A command: its name, its operands ("NAME..." for one or more, "" for none), what it does, and its options. */
    record Command(String name, String operands, String help, List<Option> options) {
        Optional<Option> option(String name) {
            return options.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        /** {@code name [OPTION...] OPERANDS}, then the help and one line per option. */
        String usage() {
            StringBuilder s = new StringBuilder("  " + name + (options.isEmpty() ? "" : " [OPTION...]")
                    + (operands.isEmpty() ? "" : " " + operands) + "\n      " + help + "\n");
            for (Option o : options) s.append(String.format("      %-22s %s%n", o.synopsis(), o.help()));
            return s.toString();
        }
    }

    static final Command KERNEL = new Command("kernel", "CONNECTION_FILE",
            "run as a Jupyter kernel (the kernelspec's kernel.json starts this)", List.of());
    static final Command INSTALL = new Command("install", "",
            "install the kernelspecs \"vae-java\" and \"vae-java-ipc\" (the latter for frontends that start kernels over ipc: Colab)",
            List.of(new Option("--user", null, "for this user: $JUPYTER_DATA_DIR or ~/.local/share/jupyter (the default)"),
                    new Option("--sys-prefix", null, "into the active conda environment or virtualenv (CONDA_PREFIX, VIRTUAL_ENV)"),
                    new Option("--prefix", "DIR", "into DIR/share/jupyter"),
                    new Option("--copy-jars", null, "copy the jars into the kernelspec, so it runs without this checkout"),
                    new Option("--cds", null, "record an AppCDS archive for the kernel (not faster here: BENCHMARKS.md)"),
                    new Option("--heap", "SIZE", "the kernel's Java heap, e.g. 2g (default 1g)"),
                    new Option("--native-memory", "SIZE", "what ND4J's arrays may take besides the heap, e.g. 2g (default 1g)"),
                    new Option("--ipc", null, "start \"vae-java\" through the ipc launcher too (Colab starts the kernel a notebook names)")));
    static final Command RUN = new Command("run", "NOTEBOOK...",
            "execute notebooks without Jupyter, each in a fresh session, into executed copies; exit 1 on the first error",
            List.of(new Option("--keep-going", null, "run the cells after an error and the notebooks after a failing one; exit 1 at the end"),
                    new Option("--output-dir", "DIR", "write the executed copies to DIR/NAME.ipynb (default target/executed)"),
                    new Option("--in-place", null, "write each executed notebook over itself")));
    static final List<Command> COMMANDS = List.of(KERNEL, INSTALL, RUN);

    private CommandLine() {}

    static Optional<Command> command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every command with its options: what {@code --help} prints. */
    static String usage() {
        StringBuilder s = new StringBuilder("usage: java -cp CLASSPATH vae.kernel.Main COMMAND [OPTION...] (COMMAND --help: that command alone)\n");
        for (Command c : COMMANDS) s.append(c.usage());
        return s.toString().stripTrailing();
    }

    /** What a command line said: the options in the order given (a flag's value is ""), and the operands. */
    record Parsed(Command command, List<String[]> given, List<String> operands) {
        boolean has(String option) {
            return given.stream().anyMatch(g -> g[0].equals(option));
        }

        /** The value of the last {@code option} given, else {@code fallback}. */
        String value(String option, String fallback) {
            String found = fallback;
            for (String[] g : given) if (g[0].equals(option)) found = g[1];
            return found;
        }

        /** Which of {@code options} came last, or null if none did (e.g. --user, --sys-prefix, --prefix: the last wins). */
        String last(String... options) {
            String found = null;
            for (String[] g : given) if (List.of(options).contains(g[0])) found = g[0];
            return found;
        }

        boolean help() {
            return has("--help");
        }
    }

    /**
     * Reads {@code args} (what follows the command's name) by the command's table; -h and --help anywhere ask for its
     * usage. A wrong option, a missing value or the wrong number of operands is an IllegalArgumentException that says
     * which, followed by the command's usage.
     */
    static Parsed parse(Command command, String[] args) {
        List<String[]> given = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                given.add(new String[] {"--help", ""});
            } else if (a.startsWith("-") && a.length() > 1) {
                Option o = command.option(a).orElseThrow(() -> wrong("Unknown option " + a + " for " + command.name(), command));
                if (o.value() != null && i + 1 >= args.length) throw wrong(a + " needs a value: " + o.synopsis(), command);
                given.add(new String[] {a, o.value() == null ? "" : args[++i]});
            } else {
                operands.add(a);
            }
        }
        Parsed parsed = new Parsed(command, given, operands);
        boolean many = command.operands().endsWith("...");
        int wanted = command.operands().isEmpty() ? 0 : 1;
        if (!parsed.help() && (many ? operands.size() < 1 : operands.size() != wanted)) {
            throw wrong(many ? command.name() + " needs at least one " + command.operands().replace("...", "")
                    : command.name() + " takes " + (wanted == 0 ? "no operands" : "one " + command.operands())
                    + ", not " + (operands.isEmpty() ? "none" : String.join(" ", operands)), command);
        }
        return parsed;
    }

    private static IllegalArgumentException wrong(String what, Command command) {
        return new IllegalArgumentException(what + "\nusage:\n" + command.usage().stripTrailing());
    }
}
