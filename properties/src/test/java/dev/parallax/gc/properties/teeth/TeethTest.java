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

/** The properties catch broken strategies, and shrink the evidence to a few actions. */
class TeethTest {
    private static final GcConfig SKIP_ONE = GcConfig.defaults().withDebug(true).withRoots(List.of(SkipOneStackRoots.NAME, "globals"));

    @Test
    void aRootSourceThatSkipsASlotFailsWithAShortCounterexample() {
        CheckReport report = PropertyChecker.check(SKIP_ONE, 200, 1L, 60);
        String text = report.render();
        assertFalse(report.passed(), text);
        assertTrue(report.counterexampleActions() >= 1 && report.counterexampleActions() <= 8, text);
        assertTrue(text.contains("FAILED") && text.contains("counterexample"), text);
        assertTrue(report.failure().matches("(?s)\\[(graph-equivalence|no-runtime-error|identity-stability"
                + "|complete-reclamation)].*"), text);
    }

    @Test
    void theConcurrentPropertyCatchesASkippedSlotToo() {
        CheckReport report = PropertyChecker.checkConcurrent(SKIP_ONE, 2, 10, 3L);
        assertFalse(report.passed(), report.render());
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
