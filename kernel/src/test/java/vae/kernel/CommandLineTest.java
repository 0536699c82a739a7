package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's command line is one table: the parser reads it and --help prints every entry of it. */
class CommandLineTest {
    @Test
    void theHelpShowsEveryCommandAndEveryOptionWithItsValue() {
        String usage = CommandLine.usage();
        for (CommandLine.Command c : CommandLine.COMMANDS) {
            assertTrue(usage.contains("  " + c.name() + " ") && usage.contains(c.help()), c.name() + ":\n" + usage);
            for (CommandLine.Option o : c.options()) {
                assertTrue(usage.contains(o.synopsis() + " ") && usage.contains(o.help()), o.synopsis() + ":\n" + usage);
            }
        }
        assertTrue(usage.contains("--heap SIZE") && usage.contains("--native-memory SIZE"), usage);
    }

    @Test
    void optionsTakeTheirValuesAndTheLastOfAChoiceWins() {
        CommandLine.Parsed p = CommandLine.parse(CommandLine.INSTALL,
                new String[] {"--prefix", "/opt/x", "--heap", "2g", "--user", "--cds", "--heap", "3g"});
        assertEquals("--user", p.last("--user", "--sys-prefix", "--prefix"));
        assertEquals("3g", p.value("--heap", null), "the last --heap given");
        assertEquals("1g", p.value("--native-memory", "1g"));
        assertTrue(p.has("--cds"));
        assertFalse(p.has("--copy-jars"));
        CommandLine.Parsed run = CommandLine.parse(CommandLine.RUN, new String[] {"a.ipynb", "--keep-going", "b.ipynb"});
        assertEquals(List.of("a.ipynb", "b.ipynb"), run.operands());
        assertTrue(CommandLine.parse(CommandLine.RUN, new String[] {"--help"}).help(), "help needs no notebook");
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrongAndShowsThatCommandsUsage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(CommandLine.INSTALL, new String[] {"--hep", "2g"}));
        assertTrue(unknown.getMessage().startsWith("Unknown option --hep for install\nusage:\n  install [OPTION...]"), unknown.getMessage());
        IllegalArgumentException noValue = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(CommandLine.INSTALL, new String[] {"--native-memory"}));
        assertTrue(noValue.getMessage().startsWith("--native-memory needs a value: --native-memory SIZE"), noValue.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(CommandLine.RUN, new String[] {"--in-place"}));
        assertTrue(none.getMessage().startsWith("run needs at least one NOTEBOOK"), none.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(CommandLine.KERNEL, new String[] {"a.json", "b.json"}));
        assertTrue(two.getMessage().startsWith("kernel takes one CONNECTION_FILE, not a.json b.json"), two.getMessage());
    }
}
