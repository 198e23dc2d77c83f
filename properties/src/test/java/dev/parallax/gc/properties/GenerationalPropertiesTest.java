package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.InvariantViolation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The generational collector's remembering barrier is what keeps a young object stored into an old
 * one alive across a minor collection (a step asks for one): with the barrier off the property
 * fails, with it on the same program passes. Plus short programs that once broke the collector.
 */
class GenerationalPropertiesTest {
    private static final GcConfig GENERATIONAL = GcConfig.defaults().withCollector("generational");
    /** s1 is promoted by a full collection, then made to point at a young s0; a minor collection follows. */
    private static final Program OLD_TO_YOUNG = Program.of(new Action.AllocShaped(0, 1), new Action.Collect(),
            new Action.AllocShaped(2, 0), new Action.WriteRef(0, 0, 0), new Action.Clear(0), new Action.Step());

    /** Release mode: the runtime's verifier is silent, the model's invariants must see the loss. */
    @Test
    void withoutTheBarrierAMinorCollectionLosesTheYoungObject() {
        GcConfig off = GENERATIONAL.withObjectIds(true).withHeapBytes(1 << 20)
                .withOptions(Map.of("generational.barrier", "off"));
        InvariantViolation v = new SequentialProperty(off).run(OLD_TO_YOUNG);
        assertNotNull(v, "a young object only an old one names survived a minor collection without a barrier");
    }

    @Test
    void theRememberingBarrierKeepsTheYoungObject() {
        assertNull(new SequentialProperty(GENERATIONAL.withObjectIds(true).withHeapBytes(1 << 20)).run(OLD_TO_YOUNG));
        InvariantViolation v = new SequentialProperty(PropertyChecker.forChecking(GENERATIONAL, 10)).run(OLD_TO_YOUNG);
        assertNull(v, () -> v.getMessage());
    }

    /**
     * A pinned young object K stays in the nursery while P, which names it, is promoted: no barrier
     * saw that old-to-young pointer, so later minor collections must keep K even once unpinned.
     */
    @Test
    void aYoungObjectLeftInPlaceSurvivesLaterMinorCollections() {
        Program program = Program.of(new Action.AllocRefArray(1, 0), new Action.Pin(0),
                new Action.AllocRefArray(1, 1), new Action.WriteRef(1, 0, 0), new Action.Step(),
                new Action.Unpin(0), new Action.Clear(0), new Action.Step(), new Action.Collect());
        InvariantViolation v = new SequentialProperty(PropertyChecker.forChecking(GENERATIONAL, 20)).run(program);
        assertNull(v, () -> v.getMessage());
    }

    /**
     * GenMS: survivors promoted one cell at a time into the mark-sweep mature space, with the debug
     * verifier on and a collection at every second allocation (the matrix runs it in release mode).
     */
    @Test
    void aMarkSweepMatureSpaceKeepsEveryInvariantUnderStress() {
        GcConfig config = GENERATIONAL.withDebug(true).withRoots(java.util.List.of("precise", "conservative", "globals"))
                .withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 2)
                .withOptions(Map.of("generational.mature", "mark-sweep"));
        CheckReport report = PropertyChecker.check(config, 60, 23L, 100);
        org.junit.jupiter.api.Assertions.assertTrue(report.passed(), report::render);
        org.junit.jupiter.api.Assertions.assertTrue(report.coverage().pauses() > 60, report::render);
    }

    /**
     * A pause goal resizes the nursery after every minor collection (here a goal no nursery meets, so
     * the budget moves between its floor and what the learned fixed cost leaves): allocation failures
     * and stress steps still keep every invariant, with the debug verifier on.
     */
    @Test
    void aNurserySizedByAPauseGoalKeepsEveryInvariant() {
        GcConfig config = GENERATIONAL.withDebug(true).withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 3)
                .withOptions(Map.of("generational.pause-goal-ms", "0.2", "generational.nursery", "0.5"));
        CheckReport report = PropertyChecker.check(config, 60, 29L, 100);
        org.junit.jupiter.api.Assertions.assertTrue(report.passed(), report::render);
        org.junit.jupiter.api.Assertions.assertTrue(report.coverage().pauses() > 60, report::render);
    }

    /** Objects promoted by a minor collection keep their lines through the next full collections. */
    @Test
    void promotedObjectsSurviveLaterFullCollections() {
        Program program = Program.of(new Action.AllocShaped(0, 0), new Action.Collect(),
                new Action.AllocShaped(0, 2), new Action.AllocShaped(0, 0), new Action.Step(), new Action.Collect(),
                new Action.BoxLong(0, 0), new Action.Step(), new Action.AllocShaped(0, 0));
        InvariantViolation v = new SequentialProperty(PropertyChecker.forChecking(GENERATIONAL.withTags("high-bit"), 100))
                .run(program);
        assertNull(v, () -> v.getMessage());
    }
}
