package vae.kernel.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vae.kernel.TestSessions;

class EvaluatorTest {
    private final Evaluator evaluator = TestSessions.shared().evaluator();

    private Evaluator.Result eval(String code) throws CellException {
        evaluator.clearInterrupt();
        return evaluator.eval(code, "In [t]", 1);
    }

    @Test
    void lastExpressionComesBackAsTheObjectItself() throws Exception {
        Evaluator.Result r = eval("java.util.List.of(1, 2, 3)");
        assertTrue(r.present());
        assertEquals(List.of(1, 2, 3), r.value());
        assertInstanceOf(List.class, r.value());
    }

    @Test
    void multiStatementCellReturnsTheLastExpression() throws Exception {
        assertEquals(7, eval("int a = 2;\nint b = a * 3;\nb + 1").value());
    }

    @Test
    void cellEndingWithAStatementOrDeclarationHasNoValue() throws Exception {
        assertFalse(eval("int c = 5;").present());
        assertFalse(eval("System.out.print(\"\");").present());
    }

    @Test
    void methodsClassesAndRedefinitionsWork() throws Exception {
        eval("int twice(int v) {\n  return 2 * v;\n}");
        assertEquals(14, eval("twice(7)").value());
        eval("int twice(int v) { return 20 * v; }");
        assertEquals(140, eval("twice(7)").value());
        eval("class Box { int size() { return 3; } }");
        assertEquals(3, eval("new Box().size()").value());
        eval("class Box { int size() { return 4; } }");
        assertEquals(4, eval("new Box().size()").value());
    }

    @Test
    void compileErrorPointsAtTheCellsLineWithACaretAndNoLocationNoise() {
        CompileException e = assertThrows(CompileException.class, () -> eval("int z = 1;\nint w = nope + 1;"));
        assertEquals("CompileError", e.ename());
        assertEquals("line 2: cannot find symbol", e.evalue());
        List<String> tb = e.traceback();
        assertTrue(tb.get(0).startsWith("Line 2: cannot find symbol"), tb.get(0));
        assertTrue(tb.get(0).contains("symbol:   variable nope"), tb.get(0));
        assertEquals("    int w = nope + 1;", tb.get(1));
        assertEquals("    " + " ".repeat("int w = ".length()) + "^", tb.get(2));
        assertTrue(tb.stream().noneMatch(l -> l.contains("location:") || l.contains("JShell")), tb.toString());
    }

    @Test
    void compileErrorLineCountsFromWhereTheCodeStartsInTheCell() {
        CompileException e = assertThrows(CompileException.class, () -> evaluator.eval("\nString s = 42;", "In [t]", 3));
        assertTrue(e.traceback().get(0).startsWith("Line 4: incompatible types"), e.traceback().get(0));
    }

    @Test
    void runtimeErrorShowsTheUsersFramesWithCellLinesNotTheKernels() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class,
                () -> evaluator.eval("int divide(int a, int b) {\n  return a / b;\n}\n\ndivide(1, 0)", "In [9]", 1));
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals(List.of("java.lang.ArithmeticException: / by zero",
                "    at divide (In [9], line 2)",
                "    at In [9], line 5"), e.traceback());
    }

    @Test
    void runtimeErrorMessageDropsJShellWrapperNames() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class, () -> eval("String nothing = null;\nnothing.length()"));
        assertEquals("java.lang.NullPointerException", e.ename());
        assertTrue(e.evalue().contains("\"nothing\" is null"), e.evalue());
        assertFalse(e.evalue().contains("REPL"), e.evalue());
    }

    @Test
    void endlessRecursionShowsAFewFramesAndACountNotAThousandLines() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class,
                () -> evaluator.eval("int deeper(int n) {\n  return deeper(n + 1);\n}\ndeeper(0)", "In [5]", 1));
        assertEquals("java.lang.StackOverflowError", e.ename());
        List<String> tb = e.traceback();
        assertEquals("    at deeper (In [5], line 2)", tb.get(1));
        assertEquals(tb.get(1), tb.get(3));
        assertTrue(tb.get(4).matches("    \\.\\.\\. the same line \\d+ more times"), tb.get(4));
        assertTrue(tb.size() < 10, tb.toString());
    }

    @Test
    void causesAreShown() {
        RuntimeFailure e = assertThrows(RuntimeFailure.class,
                () -> eval("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"))"));
        assertTrue(e.traceback().contains("Caused by: java.lang.IllegalStateException: inner"), e.traceback().toString());
    }

    @Test
    void interruptStopsATightLoopAndSkipsTheRestOfTheCell() throws Exception {
        evaluator.clearInterrupt();
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval("long spins = 0;\nwhile (true) { spins++; }\nint afterLoop = 1;", "In [t]", 1);
                return null;
            } catch (CellException e) {
                return e;
            }
        });
        Thread.sleep(500);
        long start = System.nanoTime();
        evaluator.interrupt();
        Throwable t = run.get(5, TimeUnit.SECONDS);
        assertInstanceOf(InterruptedCellException.class, t);
        // 0.5 s grace for the loop to notice the interrupt, then JShell stops it; 2 s leaves room for a busy machine.
        assertTrue((System.nanoTime() - start) / 1e9 < 2.0, "interrupt took too long");
        // The line after the loop did not run, so afterLoop does not exist.
        assertThrows(CompileException.class, () -> eval("afterLoop"));
        assertEquals(true, eval("spins > 0").value());
    }

    @Test
    void interruptLetsALoopThatChecksTheInterruptFlagFinishItsStatement() throws Exception {
        evaluator.clearInterrupt();
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval("int gracefulEnd = 0;\n{ while (!Thread.currentThread().isInterrupted()) { } gracefulEnd = 1; }\n"
                        + "int afterGraceful = 2;", "In [t]", 1);
                return null;
            } catch (CellException e) {
                return e;
            }
        });
        Thread.sleep(500);
        evaluator.interrupt();
        assertInstanceOf(InterruptedCellException.class, run.get(5, TimeUnit.SECONDS));
        // Interrupted, not killed: the statement ended by itself (as the library's trainer returns its history) ...
        assertEquals(1, eval("gracefulEnd").value());
        // ... and the rest of the cell was skipped.
        assertThrows(CompileException.class, () -> eval("afterGraceful"));
    }

    @Test
    void interruptStopsASleep() throws Exception {
        evaluator.clearInterrupt();
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval("Thread.sleep(60_000);", "In [t]", 1);
                return null;
            } catch (CellException e) {
                return e;
            }
        });
        Thread.sleep(300);
        evaluator.interrupt();
        assertInstanceOf(InterruptedCellException.class, run.get(5, TimeUnit.SECONDS));
    }

    @Test
    void completionSuggestsMembersAndReplacesFromTheAnchor() {
        Evaluator.Completion c = evaluator.complete("int k = 1;\nMath.ma", 18);
        assertTrue(c.matches().contains("max("), c.matches().toString());
        assertEquals(16, c.start());
        assertEquals(18, c.end());
    }

    @Test
    void inspectShowsTheSignature() {
        String doc = evaluator.inspect("Math.max", 6).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
    }

    @Test
    void inspectShowsAVariablesTypeAndValue() throws Exception {
        eval("double learningRate = 0.001;");
        assertEquals("double learningRate = 0.001", evaluator.inspect("learningRate * 2", 3).orElseThrow());
    }

    @Test
    void readinessTellsCompleteFromIncomplete() {
        assertEquals(Evaluator.Readiness.COMPLETE, evaluator.readiness("int a = 1;\nint b = 2;"));
        assertEquals(Evaluator.Readiness.INCOMPLETE, evaluator.readiness("for (int i = 0; i < 3; i++) {"));
        assertEquals(Evaluator.Readiness.INCOMPLETE, evaluator.readiness("int a = 1;\nString s = \"abc\" +"));
    }

    @Test
    void declarationUsingSomethingUndefinedWarnsInsteadOfFailing() throws Exception {
        Evaluator.Result r = eval("void later() { notYetDefined(); }");
        assertEquals(List.of("later is declared, however, it cannot be used until method notYetDefined() is declared"),
                r.warnings());
    }
}
