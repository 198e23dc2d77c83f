package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.Invariant;
import dev.parallax.gc.properties.run.InvariantViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written programs through the single-mutator property. With debug off the runtime's own
 * verifier is silent, so a lost object must be caught by the model invariants themselves.
 */
class SequentialPropertyTest {
    private static final GcConfig QUIET = GcConfig.defaults().withHeapBytes(1 << 20).withObjectIds(true);

    /** A Pair in slot 0 pointing to a Node that points back to it and to a shared box; a global holds the box. */
    private static final Program CYCLE_AND_SHARING = Program.of(
            new Action.AllocShaped(0, 0),
            new Action.AllocShaped(1, 1),
            new Action.BoxLong(-5, 2),
            new Action.WriteRef(0, 0, 1),
            new Action.WriteRef(1, 0, 0),
            new Action.WriteRef(1, 1, 2),
            new Action.WriteRef(0, 1, 2),
            new Action.WriteRaw(1, 0, 1234),
            new Action.RegisterGlobal(2),
            new Action.Clear(1),
            new Action.Clear(2),
            new Action.Collect(),
            new Action.PushFrame(2, 0),
            new Action.LoadGlobal(0, 1),
            new Action.AllocClosure(3, 2, 0, 0),
            new Action.Collect());

    @Test
    void sharingCyclesGlobalsAndClosuresSurviveCollections() {
        assertNull(new SequentialProperty(QUIET).run(CYCLE_AND_SHARING));
        assertNull(new SequentialProperty(QUIET.withDebug(true)).run(CYCLE_AND_SHARING));
    }

    @Test
    void theModelInvariantsCatchAMissingRootWithoutTheRuntimesVerifier() {
        GcConfig broken = QUIET.withRoots(List.of("precise-skip-one", "globals"));
        InvariantViolation v = new SequentialProperty(broken)
                .run(Program.of(new Action.AllocShaped(0, 0), new Action.Collect()));
        assertNotNull(v);
        assertEquals(Invariant.GRAPH_EQUIVALENCE, v.invariant(), v.getMessage());
        assertTrue(v.getMessage().contains("frame 0 slot 0") && v.getMessage().contains("m1 Pair"), v.getMessage());
    }
}
