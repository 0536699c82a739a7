package vae.kernel.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vae.kernel.TestSessions;
import vae.kernel.TestSessions.Recorded;
import vae.kernel.evaluator.CellException;
import vae.kernel.evaluator.Evaluator;

/** What a cell does cannot kill the kernel, poison the session or lose output (issue: a learner's own notebook). */
class CellSafetyTest {

    @Test
    void systemExitEndsTheCellNotTheKernelAndVariablesSurvive() throws Exception {
        TestSessions.run("int keptThroughExit = 7;");
        for (String exit : List.of("System.exit(3);", "Runtime.getRuntime().exit(2);", "Runtime.getRuntime().halt(1);",
                "java.util.function.IntConsumer bye = System::exit; bye.accept(4);",
                "class Quitter { void quit() { System.exit(5); } }\nnew Quitter().quit();")) {
            CellException e = assertThrows(CellException.class, () -> TestSessions.run("System.out.println(\"before\");\n" + exit + "\nSystem.out.println(\"after\");"), exit);
            assertEquals("SystemExit", e.ename(), exit);
            assertTrue(e.evalue().contains("was called: the cell stopped here, but the kernel and its variables are still there"), e.evalue());
            assertTrue(e.traceback().stream().anyMatch(l -> l.contains("line 2")), "the traceback says where: " + e.traceback());
        }
        CellException e = assertThrows(CellException.class, () -> TestSessions.run("System.exit(3);"));
        assertTrue(e.evalue().startsWith("System.exit(3) was called"), e.evalue());
        assertEquals("7", TestSessions.run("keptThroughExit").plain());
    }

    @Test
    void aCatchAllInTheCellDoesNotSwallowTheExit() {
        CellException e = assertThrows(CellException.class, () -> TestSessions.run("try { System.exit(1); } catch (Exception ignored) { }"));
        assertEquals("SystemExit", e.ename());
    }

    @Test
    void replacedOrNulledSystemStreamsAreTheKernelsAgainInTheNextCell() throws Exception {
        TestSessions.run("System.setOut(null);");
        Recorded out = TestSessions.run("System.out.println(\"out is back\");\n1 + 1");
        assertEquals("out is back\n", out.stdout.toString());
        assertEquals("2", out.plain());
        TestSessions.run("System.setErr(new PrintStream(OutputStream.nullOutputStream()));");
        assertEquals("err is back\n", TestSessions.run("System.err.println(\"err is back\");").stderr.toString());
        TestSessions.run("System.setIn(new ByteArrayInputStream(new byte[0]));");
        assertThrows(CellException.class, () -> TestSessions.run("new Scanner(System.in).nextLine()"),
                "System.in is the kernel's keyboard again, which the headless recorder does not offer");
    }

    @Test
    void aChattyCellArrivesWholeInOrderInFewMessages() throws Exception {
        Recorded out = TestSessions.run("for (int i = 0; i < 20_000; i++) System.out.println(String.format(\"line %05d \", i) + \"x\".repeat(89));");
        String[] lines = out.stdout.toString().split("\n", -1);
        assertEquals(20_001, lines.length, "20,000 lines and the empty string after the last newline");
        for (int i = 0; i < 20_000; i++) {
            assertEquals(String.format("line %05d ", i) + "x".repeat(89), lines[i]);
        }
        assertTrue(out.events.size() <= 20, "one message per line would be 20,000; got " + out.events.size());
    }

    @Test
    void multiByteCharactersAreNeverSplitBetweenMessages() throws Exception {
        // 1 MiB of 'σ' (2 bytes each) plus one byte: the size-triggered flush falls inside a character.
        Recorded out = TestSessions.run("System.out.print(\"a\" + \"σ\".repeat(600_000));");
        assertEquals("a" + "σ".repeat(600_000), out.stdout.toString());
        assertTrue(out.events.size() >= 2, "over FLUSH_BYTES, so more than one message: " + out.events);
    }

    @Test
    void keyboardInputComesFromTheFrontendLineByLine() throws Exception {
        Recorded typing = new Recorded() {
            private final java.util.Deque<String> lines = new java.util.ArrayDeque<>(List.of("Ada", "36"));

            @Override
            public String input(String prompt, boolean password) {
                return lines.pop();
            }
        };
        TestSessions.shared().execute("System.out.print(\"Name: \");\nvar in = new Scanner(System.in);\n"
                + "String typedName = in.nextLine();\nint typedAge = in.nextInt();\ntypedName + \" is \" + typedAge", "In [k]", typing);
        assertEquals("Ada is 36", typing.plain());
        assertEquals("Name: ", typing.stdout.toString());
    }

    @Test
    void readingTheKeyboardHeadlessFailsAtOnceWithTheReason() {
        long start = System.nanoTime();
        CellException e = assertThrows(CellException.class, () -> TestSessions.run("new Scanner(System.in).nextLine()"));
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "never waits");
        assertEquals(KeyboardUnavailableException.class.getName(), e.ename());
        assertTrue(e.evalue().contains("without keyboard input"), e.evalue());
    }

    @Test
    void completionSeesVariablesMethodsAndClassesDeclaredEarlierInTheSameCell() {
        Session s = TestSessions.shared();
        assertCompletes(s, "String sameCellWord = \"x\"; sameCellWord.toUpperCa", "toUpperCase(");
        assertCompletes(s, "int sameCellCounter = 1;\nsameCellCoun", "sameCellCounter");
        assertCompletes(s, "var sameCellTotal = 1L;\nfor (int i = 0; i < 2; i++) sameCellTot", "sameCellTotal");
        assertCompletes(s, "int sameCellTwice(int v) { return 2 * v; }\nsameCellTwi", "sameCellTwice(");
        assertCompletes(s, "record SameCellBox(int size) { }\nnew SameCellBo", "SameCellBox(");
        assertCompletes(s, "int k = 1;\nMath.ma", "max(");
    }

    private static void assertCompletes(Session s, String code, String expected) {
        Evaluator.Completion c = s.complete(code, code.length());
        assertTrue(c.matches().contains(expected), code + " → " + c.matches());
        String typed = code.substring(c.start());
        assertTrue(expected.startsWith(typed), "the match replaces '" + typed + "' from cursor_start " + c.start());
    }

    @Test
    void aHeapFillingCellIsAnOutOfMemoryErrorThatNamesTheLimitAndTheSessionLivesOn() throws Exception {
        TestSessions.run("int survivesTheHeap = 5;");
        CellException e = assertThrows(CellException.class,
                () -> TestSessions.run("List<long[]> hog = new ArrayList<>();\nwhile (true) hog.add(new long[4_000_000]);"));
        assertEquals("java.lang.OutOfMemoryError", e.ename());
        assertTrue(e.evalue().contains("The Java heap reached its limit of") && e.evalue().contains("--heap"), e.evalue());
        assertEquals("5", TestSessions.run("hog = null;\nsurvivesTheHeap").plain());
    }

}
