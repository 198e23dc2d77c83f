package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.properties.program.Action;
import dev.parallax.gc.properties.program.Program;
import dev.parallax.gc.properties.run.InvariantViolation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incremental collector's snapshot-at-the-beginning barrier is what keeps the classic lost
 * object alive: with the barrier off the property fails, with a short counterexample; with it on,
 * the same programs pass. One object scanned per step ({@code incremental.budget=1}) opens the window.
 */
class IncrementalBarrierTest {
    private static final GcConfig SATB = GcConfig.defaults().withObjectIds(true).withCollector("incremental")
            .withOptions(Map.of("incremental.budget", "1"));
    private static final GcConfig NO_BARRIER = SATB.withOptions(Map.of("incremental.budget", "1",
            "incremental.barrier", "off"));
    private static final Program PATTERN = Program.of(new Action.LostObjectPattern(0));

    /** Debug off: the runtime's verifier is silent, the model's invariants must catch the loss themselves. */
    @Test
    void withoutTheBarrierTheLostObjectPatternLosesC() {
        InvariantViolation v = new SequentialProperty(NO_BARRIER.withHeapBytes(1 << 20)).run(PATTERN);
        assertNotNull(v, "the object stored into a black object survived without a barrier");
        assertTrue(v.getMessage().contains("m1 Pair"), v.getMessage()); // C, allocated first
    }

    @Test
    void theSatbBarrierKeepsC() {
        assertNull(new SequentialProperty(SATB.withHeapBytes(1 << 20)).run(PATTERN));
        assertNull(new SequentialProperty(PropertyChecker.forChecking(SATB, 10)).run(PATTERN));
    }

    @Test
    void thePropertyFailsWithoutTheBarrierWithAShortCounterexample() {
        CheckReport report = PropertyChecker.check(NO_BARRIER, 100, 7L, 100);
        assertFalse(report.passed(), report::render);
        assertTrue(report.counterexampleActions() <= 3, report::render);
        assertTrue(report.counterexample().contains("lost-object pattern"), report::render);
    }

    @Test
    void thePropertyPassesWithTheSatbBarrier() {
        CheckReport report = PropertyChecker.check(SATB, 100, 7L, 100);
        assertTrue(report.passed(), report::render);
        // the programs stepped the collector: increments interleaved with their stores
        assertTrue(report.coverage().collectorCounters().getOrDefault("increments", 0L) > 100, report::render);
        assertTrue(report.coverage().pausesByReason().getOrDefault("step", 0L) > 100, report::render);
        assertTrue(report.render().contains("increments="), report::render);
    }
}
