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
                        option collector "mark-compact";
                        void main() {}""")).options());
        assertEquals("3145728", mapping.keys().get("heap"), "the larger heap size");
        assertEquals("mark-compact", mapping.keys().get("collector"));
        assertEquals("allocation", mapping.keys().get("stress"));
        assertEquals(List.of(
                "s.script:3:1: option 'plan' names MMTk plan \"org.mmtk.plan.generational.copying.GenCopy\", which "
                        + "has no counterpart here; the configured collector runs",
                "s.script:5:1: option 'threads' is not supported; ignored"), mapping.warnings());
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
