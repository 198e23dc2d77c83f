package dev.parallax.gc.lang;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.lang.interp.Interpreter;
import dev.parallax.gc.lang.run.Intrinsics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The reference interpreter: every script passes, every runtime error is named, frames are precise roots. */
class InterpreterTest {
    @TestFactory
    Stream<DynamicTest> everyScriptPasses() {
        return Run.scripts().stream().filter(p -> !p.getFileName().toString().equals("gcbench.script"))
                .map(p -> dynamicTest(p.getFileName().toString(), () -> {
                    Run.Outcome o = Run.run(p.getFileName().toString(), Files.readString(p),
                            GcConfig.defaults().withHeapBytes(Run.heapOf(Files.readString(p))), new Interpreter());
                    assertTrue(o.passed(), o::toString);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyRuntimeErrorNamesTheScriptLineAndMethod() {
        return RuntimeErrorCases.ALL.stream().map(c -> dynamicTest(c.name(), () -> {
            Run.Outcome o = Run.run("test.script", c.script(), GcConfig.defaults().withHeapBytes(Run.heapOf(c.script())),
                    new Interpreter());
            assertFalse(o.passed(), o::toString);
            assertEquals(1, o.result().failures().size(), o::toString);
            assertTrue(o.result().failures().getFirst().contains(c.message()), o::toString);
        }));
    }

    @Test
    void framesArePreciseRootsUnderACollectionAtEveryAllocation() throws Exception {
        GcConfig config = GcConfig.defaults().withHeapBytes(1L << 20).withCollector("mark-compact").withDebug(true)
                .withStress(StressMode.ALLOCATION, 1);
        Path trees = Run.scriptsDir().resolve("closures.script");
        Run.Outcome o = Run.run("closures.script", Files.readString(trees), config, new Interpreter());
        assertTrue(o.passed(), o::toString);
        assertTrue(o.result().stats().collections() >= o.result().stats().objectsAllocated(),
                "collected at every allocation: " + o.result().stats());
    }

    /** Registered intrinsics (public: only public methods can be bound). */
    public static final class Arithmetic {
        private Arithmetic() {
        }

        public static int triple(int x) {
            return 3 * x;
        }
    }

    @Test
    void aRegisteredIntrinsicIsCalled() {
        Intrinsics.register(Arithmetic.class, "triple");
        Run.Outcome o = Run.interp("""
                int triple(int x) intrinsic class "dev.parallax.gc.lang.InterpreterTest$Arithmetic" method "triple" signature ("int");
                void main() { print(triple(14)); }""");
        assertTrue(o.passed(), o::toString);
        assertEquals("42", o.output().strip());
    }

    @Test
    void optionsWeDoNotSupportAreWarnedAbout() {
        var mapping = dev.parallax.gc.lang.run.ScriptOptions.map("s.script", Scripts.check(
                new dev.parallax.gc.lang.syntax.SourceFile("s.script", """
                        option initHeap "2m";
                        option maxHeap "3m";
                        option plan "org.mmtk.plan.generational.copying.GenCopy";
                        option gcEvery "ALLOC";
                        option threads "4";
                        option heap "lots";
                        option gcEvery "NEVER";
                        option collector "mark-compact";
                        void main() {}""")).options());
        assertEquals("3145728", mapping.keys().get("heap"), "the larger heap size");
        assertEquals("mark-compact", mapping.keys().get("collector"));
        assertEquals("allocation", mapping.keys().get("stress"));
        assertEquals(List.of(
                "s.script:3:1: option 'plan' names MMTk plan \"org.mmtk.plan.generational.copying.GenCopy\", which "
                        + "has no counterpart here; the configured collector runs",
                "s.script:5:1: option 'threads' is not supported; ignored",
                "s.script:6:1: option 'heap' has a size we cannot read: \"lots\" (use e.g. 512k, 64m, 1g); ignored",
                "s.script:7:1: option 'gcEvery' value \"NEVER\" is not supported (ALLOC, SAFEPOINT, NONE); ignored"),
                mapping.warnings());
    }

    @Test
    void setOptionWarnsAndHashNeedsObjectIds() {
        Run.Outcome o = Run.run("t.script", """
                void main() { setOption("gcEvery=ALLOC"); print("ran"); }""",
                GcConfig.defaults().withHeapBytes(1L << 20), new Interpreter());
        assertTrue(o.passed(), o::toString);
        assertTrue(o.warnings().getFirst().contains("setOption(\"gcEvery=ALLOC\") ignored"), o::toString);
        var script = Scripts.check(new dev.parallax.gc.lang.syntax.SourceFile("h.script",
                "void main() { print(hash(alloc(1, 0))); }"));
        try (var runtime = dev.parallax.gc.runtime.GcRuntimes.create(GcConfig.defaults().withHeapBytes(1L << 20))) {
            Run.Outcome h = Run.run(script, runtime, new Interpreter());
            assertTrue(h.result().failures().getFirst().contains("hash() needs object ids"), h::toString);
        }
    }

    @Test
    void aBarrierThatNeverFillsFailsInsteadOfHanging() {
        Run.Outcome o = Run.run("b.script", "void main() { barrierWait(\"never\", 2); }",
                GcConfig.defaults().withHeapBytes(1L << 20), new Interpreter(), java.time.Duration.ofMillis(300));
        assertFalse(o.passed(), o::toString);
        assertTrue(o.result().failures().getFirst().contains("barrier 'never' waited 0 s for 2 threads and only 1 "
                + "arrived"), o::toString);
    }

    @Test
    void barriersRefuseBadCountsAndMismatchedParties() {
        Run.Outcome zero = Run.interp("void main() { barrierWait(\"b\", 0); }");
        assertTrue(zero.result().failures().getFirst().contains("barrierWait(\"b\", 0): a barrier needs at least 1 "
                + "thread"), zero::toString);
        Run.Outcome mismatch = Run.run("m.script", """
                waiter() { barrierWait("b", 2); }
                void main() { spawn(waiter); barrierWait("b", 3); }""",
                GcConfig.defaults().withHeapBytes(1L << 20), new Interpreter(), java.time.Duration.ofMillis(500));
        assertTrue(mismatch.result().failures().stream().anyMatch(f -> f.contains("the threads already waiting there "
                + "expect")), mismatch::toString);
    }

    @Test
    void castsOfBoxesAndFunctionsAreChecked() {
        Run.Outcome o = Run.interp("""
                void main() {
                  object b = box(1);
                  fn(int) -> int f = b;
                }""");
        assertTrue(o.result().failures().getFirst().contains("test.script:3:22: in method 'main': a box is not a "
                + "fn(int) -> int"), o::toString);
        Run.Outcome g = Run.interp("""
                void main() {
                  object f = fn(int x) { };
                  fn(int) -> int h = f;
                }""");
        assertTrue(g.result().failures().getFirst().contains("a fn(int) is not a fn(int) -> int"), g::toString);
    }

    /** An intrinsic that fails. */
    public static final class Failing {
        private Failing() {
        }

        public static int fail(int x) {
            throw new IllegalStateException("no " + x);
        }

        public static int[] notAnIntrinsic() {
            return new int[0];
        }
    }

    @Test
    void anIntrinsicThatThrowsFailsTheScriptAndOnlySuitableMethodsRegister() {
        Intrinsics.register(Failing.class, "fail");
        Run.Outcome o = Run.interp("""
                int fail(int x) intrinsic class "dev.parallax.gc.lang.InterpreterTest$Failing" method "fail";
                void main() { print(fail(3)); }""");
        assertTrue(o.result().failures().getFirst().contains("intrinsic 'fail' threw java.lang.IllegalStateException: "
                + "no 3"), o::toString);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Intrinsics.register(Failing.class, "notAnIntrinsic"));
        assertTrue(e.getMessage().contains("with int, boolean and String parameters and result"), e.getMessage());
    }

    @Test
    void aSessionRefusesUnknownMethodsAndWrongArgumentCounts() {
        var script = Scripts.check(new dev.parallax.gc.lang.syntax.SourceFile("s.script", """
                int twice(int x) { return 2 * x; }
                void main() { }"""));
        try (var runtime = dev.parallax.gc.runtime.GcRuntimes.create(GcConfig.defaults().withHeapBytes(1L << 20));
             var session = dev.parallax.gc.lang.run.ScriptSession.open(script, runtime, new Interpreter(),
                     dev.parallax.gc.lang.run.ScriptContext.Settings.of(new java.io.PrintWriter(
                             new java.io.StringWriter()), w -> { }))) {
            session.call("twice", 4);
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> session.call("thrice", 1)).getMessage().contains("has no method 'thrice'"));
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> session.call("twice")).getMessage().contains("takes 1 arguments, not 0"));
        }
    }

    @Test
    void moreThreadsThanMutatorsFailsNamingTheLimit() {
        Run.Outcome o = Run.run("m.script", """
                idle() { barrierWait("b", 2); }
                void main() { spawn(idle); spawn(idle); barrierWait("b", 2); }""",
                GcConfig.defaults().withHeapBytes(1L << 20).withMaxMutators(2), new Interpreter());
        assertFalse(o.passed(), o::toString);
        assertTrue(o.result().failures().stream().anyMatch(f -> f.contains("thread 2 could not start: cannot attach "
                + "mutator")), o::toString);
    }
}
