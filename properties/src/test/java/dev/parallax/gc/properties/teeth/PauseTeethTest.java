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
import dev.parallax.gc.properties.run.PauseInvariants;
import dev.parallax.gc.properties.run.ProgramRunner;
import dev.parallax.gc.runtime.GcRuntimes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pause invariants catch what the graph check cannot see, each against a deliberately broken
 * strategy, while the shipped strategies pass the same programs. Debug is off: the runtime's own
 * verifier stays silent, so the catch is the property's.
 */
class PauseTeethTest {
    private static final GcConfig QUIET = GcConfig.defaults().withHeapBytes(1 << 20).withObjectIds(true);

    /** Runs a program through every phase of the runner; the violation, or null. */
    private static InvariantViolation run(GcConfig config, PauseInvariants pauses, Program program) {
        try (GcRuntime runtime = GcRuntimes.create(config); Mutator mutator = runtime.attach("teeth")) {
            ProgramRunner runner = new ProgramRunner(runtime, mutator, new ProgramRunner.Options(false, 4, pauses));
            runner.start();
            runner.execute(program);
            runner.finish();
            runner.unwind();
            return null;
        } catch (InvariantViolation v) {
            return v;
        }
    }

    @Test
    void anObjectOfAnOuterFrameReclaimedInAPauseIsCaughtInThatPause() {
        GcConfig broken = QUIET.withRoots(List.of(InnermostFrameRoots.NAME, "globals"));
        Program program = Program.of(new Action.AllocShaped(0, 0), new Action.PushFrame(1, 0), new Action.Collect());
        InvariantViolation v = run(broken, PauseInvariants.forConfig(broken), program);
        assertNotNull(v);
        assertEquals(Invariant.ONLY_UNREACHABLE_RECLAIMED, v.invariant(), v.getMessage());
        assertTrue(v.getMessage().contains("action 3") && v.getMessage().contains("reclaimed m1 Pair"), v.getMessage());
        assertNull(run(QUIET, PauseInvariants.forConfig(QUIET), program));
    }

    @Test
    void conservativeRootsThatIgnoreInteriorPointersLoseAStackNamedObject() {
        Program interiorOnly = Program.of(new Action.AllocShaped(1, 0), new Action.SetRawAddress(0, 3, 0, 1),
                new Action.Clear(0), new Action.Collect());
        GcConfig broken = QUIET.withRoots(List.of(ExactStartConservativeRoots.NAME, "globals"));
        InvariantViolation v = run(broken, new PauseInvariants(true, false, false), interiorOnly);
        assertNotNull(v);
        assertEquals(Invariant.STACK_NAMED_SURVIVE, v.invariant(), v.getMessage());
        assertTrue(v.getMessage().contains("reclaimed m1 Node") && v.getMessage().contains("stack word"), v.getMessage());
        GcConfig conservative = QUIET.withRoots(List.of("conservative", "globals"));
        assertNull(run(conservative, PauseInvariants.forConfig(conservative), interiorOnly));
    }

    /** Release mode: no verifier; the pinned-stay invariant itself catches the move. */
    @Test
    void aCompactorThatIgnoresPinsFailsWithAShortCounterexample() {
        CheckReport report = PropertyChecker.check(GcConfig.defaults().withCollector(PinIgnoringCompactor.NAME),
                200, 4L, 60);
        assertTrue(report.property().contains("release mode"), report.property());
        assertFalse(report.passed(), report.render());
        assertTrue(report.failure().startsWith("[pinned-stay]"), report.render());
        assertTrue(report.counterexampleActions() <= 6, report.render());
        assertTrue(report.counterexample().contains("pin s"), report.render());
    }

    @Test
    void aCollectorThatLeavesHolesIsNotACompactor() {
        Program hole = Program.of(new Action.AllocShaped(0, 0), new Action.AllocShaped(0, 1), new Action.Clear(0),
                new Action.Collect());
        InvariantViolation v = run(QUIET, new PauseInvariants(false, false, true), hole); // mark-sweep
        assertNotNull(v);
        assertEquals(Invariant.COMPACTION_CONTIGUOUS, v.invariant(), v.getMessage());
        assertTrue(v.getMessage().contains("m2 Pair"), v.getMessage());
        GcConfig compact = QUIET.withCollector(PauseInvariants.SLIDING_COMPACTOR);
        assertNull(run(compact, PauseInvariants.forConfig(compact), hole));
    }
}
