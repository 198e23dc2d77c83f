package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.properties.CheckReport;
import dev.parallax.gc.properties.PropertyChecker;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.Invariant;
import dev.parallax.gc.properties.run.InvariantViolation;
import dev.parallax.gc.properties.run.ProgramRunner;
import dev.parallax.gc.runtime.GcRuntimes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The properties catch broken strategies, and shrink the evidence to a few actions. Each test names
 * the invariant that caught the broken strategy; the model's own invariants are shown to catch it
 * in release mode, where the runtime's debug verifier is off, and debug mode is shown to name the
 * same bug by its verifier.
 */
class TeethTest {
    private static final GcConfig SKIP_ONE = GcConfig.defaults().withRoots(List.of(SkipOneStackRoots.NAME, "globals"));

    /** The reference model (graph equivalence) catches a missing root with the verifier off. */
    @Test
    void aRootSourceThatSkipsASlotFailsGraphEquivalenceWithAShortCounterexample() {
        CheckReport report = PropertyChecker.check(SKIP_ONE, 200, 1L, 60);
        String text = report.render();
        assertFalse(report.passed(), text);
        assertTrue(report.property().contains("release mode"), text);
        assertTrue(report.counterexampleActions() >= 1 && report.counterexampleActions() <= 8, text);
        assertTrue(text.contains("FAILED") && text.contains("counterexample"), text);
        assertTrue(report.failure().startsWith("[graph-equivalence]"), text);
    }

    /** In debug mode the runtime's verifier names the same bug first, as a root into freed memory. */
    @Test
    void inDebugModeTheVerifierNamesTheSkippedSlotsObject() {
        CheckReport report = PropertyChecker.check(SKIP_ONE.withDebug(true), 200, 1L, 60);
        assertFalse(report.passed(), report.render());
        assertTrue(report.failure().startsWith("[no-runtime-error]")
                && report.failure().contains("HeapCorruptionException"), report.render());
    }

    @Test
    void theConcurrentPropertyCatchesASkippedSlotToo() {
        CheckReport report = PropertyChecker.checkConcurrent(SKIP_ONE, 2, 10, 3L);
        assertFalse(report.passed(), report.render());
        assertTrue(report.failure().startsWith("[graph-equivalence]"), report.render());
        assertTrue(report.counterexample().contains("thread t1:"), report.render());
    }

    @Test
    void completeReclamationCatchesALeakThatKeepsTheGraphIntact() {
        GcConfig leaky = GcConfig.defaults().withHeapBytes(1 << 20).withObjectIds(true)
                .withRoots(List.of(StaleStackRoots.NAME, "globals"));
        Program popThenCollect = Program.of(new Action.PushFrame(1, 0), new Action.AllocShaped(0, 0),
                new Action.PopFrame(), new Action.Collect());
        try (GcRuntime runtime = GcRuntimes.create(leaky); Mutator mutator = runtime.attach("leak")) {
            ProgramRunner runner = new ProgramRunner(runtime, mutator, new ProgramRunner.Options(true, 4));
            runner.start();
            InvariantViolation v = assertThrows(InvariantViolation.class, () -> runner.execute(popThenCollect));
            assertEquals(Invariant.COMPLETE_RECLAMATION, v.invariant(), v.getMessage());
            assertTrue(v.getMessage().contains("unreclaimed: 32 bytes"), v.getMessage());
        }
    }
}
