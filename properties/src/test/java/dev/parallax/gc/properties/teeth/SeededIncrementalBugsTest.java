package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.properties.CheckReport;
import dev.parallax.gc.properties.PropertyChecker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} catches the two classic incremental-marking bugs that it missed before issue 8, with
 * the strategies' checking options (one grey object per increment) and nothing else: the seeded
 * collectors are the shipped incremental collector with one bug each. Debug is off, so the runtime's
 * verifier is silent and the catch is the model's; each test names the invariant that caught it.
 */
class SeededIncrementalBugsTest {
    private static final GcConfig RELEASE = GcConfig.defaults();

    @Test
    void anSatbBarrierThatSkipsNullStoresIsCaughtByGraphEquivalence() {
        CheckReport report = PropertyChecker.check(RELEASE.withCollector("incremental-null-store-unlogged"), 200, 42L, 100);
        assertFalse(report.passed(), report::render);
        assertTrue(report.failure().startsWith("[graph-equivalence]"), report::render);
        assertTrue(report.counterexample().contains("lost-object pattern") && report.counterexampleActions() <= 3,
                report::render);
        assertTrue(report.property().contains("incremental.budget=1"), report.property());
    }

    /**
     * A reachable object swept because it was allocated white: the model sees its slot name free
     * memory (graph equivalence), or, when its old header survives inside the free chunk, the heap
     * hold fewer bytes than the reachable objects need (complete reclamation), whichever the shrunk
     * program shows first.
     */
    @Test
    void objectsAllocatedWhiteDuringMarkingAreCaughtByTheModel() {
        CheckReport report = PropertyChecker.check(RELEASE.withCollector("incremental-white-allocation"), 200, 42L, 100);
        assertFalse(report.passed(), report::render);
        assertTrue(report.failure().startsWith("[graph-equivalence]")
                || report.failure().startsWith("[complete-reclamation]"), report::render);
        assertTrue(report.counterexampleActions() <= 4, report::render);
    }

    /** In debug mode the same bug is named sooner, by the marker's own check, as a root to freed memory. */
    @Test
    void inDebugModeTheMarkerNamesTheRootToAnObjectSweptWhite() {
        CheckReport report = PropertyChecker.check(RELEASE.withDebug(true).withCollector("incremental-white-allocation"),
                200, 42L, 100);
        assertFalse(report.passed(), report::render);
        assertTrue(report.failure().startsWith("[no-runtime-error]")
                && report.failure().contains("which is not an allocated object"), report::render);
    }

    /** Stress mode on an incremental collector runs increments: white allocation fails without a single step action. */
    @Test
    void stressModeRunsIncrementsAndCatchesWhiteAllocationToo() {
        GcConfig stressed = RELEASE.withCollector("incremental-white-allocation").withStress(StressMode.ALLOCATION, 3);
        CheckReport report = PropertyChecker.check(stressed, 200, 43L, 100);
        assertFalse(report.passed(), report::render);
        assertTrue(report.counterexample().lines().noneMatch(l -> l.contains("Step[]") || l.contains("Collect[]")),
                report::render);
    }

    @Test
    void theShippedIncrementalCollectorPassesTheSameChecks() {
        CheckReport report = PropertyChecker.check(RELEASE.withCollector("incremental"), 200, 42L, 100);
        assertTrue(report.passed(), report::render);
        CheckReport stressed = PropertyChecker.check(RELEASE.withCollector("incremental")
                .withStress(StressMode.ALLOCATION, 3), 200, 43L, 100);
        assertTrue(stressed.passed(), stressed::render);
        assertTrue(stressed.coverage().pausesByReason().getOrDefault("stress", 0L) > 100, stressed::render);
        assertTrue(stressed.coverage().collectorCounters().getOrDefault("increments", 0L) > 100, stressed::render);
    }
}
