package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.properties.CheckReport;
import dev.parallax.gc.properties.PropertyChecker;
import dev.parallax.gc.properties.Scheduling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The concurrent property under the deterministic scheduler: a bug that only two threads expose is
 * found, shrunk to short programs and a short schedule, and replays exactly from the seed.
 */
class DeterministicScheduleTest {
    private static final GcConfig FIRST_STACK_ONLY = GcConfig.defaults()
            .withRoots(List.of(FirstStackOnlyRoots.NAME, "globals"));

    @Test
    void aSingleMutatorNeverSeesTheBug() {
        assertTrue(PropertyChecker.check(FIRST_STACK_ONLY, 100, 5L, 60).passed());
    }

    @Test
    void twoScheduledThreadsExposeItWithAShortScheduleAndTheSameSeedReplaysIt() {
        CheckReport first = PropertyChecker.checkConcurrent(FIRST_STACK_ONLY, 2, 20, 5L);
        assertFalse(first.passed(), first::render);
        assertTrue(first.failure().startsWith("[graph-equivalence]"), first::render);
        assertTrue(first.property().contains("deterministic schedule random"), first.property());
        assertTrue(first.counterexampleActions() <= 6, first::render);
        String schedule = first.counterexample().lines().filter(l -> l.startsWith("schedule")).findFirst().orElseThrow();
        assertTrue(schedule.length() < 160, schedule);
        CheckReport again = PropertyChecker.checkConcurrent(FIRST_STACK_ONLY, 2, 20, 5L);
        assertEquals(first.programsTried(), again.programsTried());
        assertEquals(first.counterexample(), again.counterexample(), "the same seed replays the same case");
        assertEquals(withoutAddresses(first.failure()), withoutAddresses(again.failure()), "and the same failure");
    }

    @Test
    void roundRobinSchedulesFindItToo() {
        CheckReport report = PropertyChecker.checkConcurrent(FIRST_STACK_ONLY, 3, 20, 6L,
                PropertyChecker.Settings.DEFAULT, Scheduling.roundRobin(2));
        assertFalse(report.passed(), report::render);
        assertTrue(report.counterexample().contains("schedule (participants t0..t2, then the control thread as p3): "
                + "round-robin 2 steps each"), report::render);
    }

    @Test
    void theShippedRootsPassTheSameScheduledChecks() {
        CheckReport report = PropertyChecker.checkConcurrent(GcConfig.defaults(), 2, 20, 5L);
        assertTrue(report.passed(), report::render);
    }

    /** Addresses differ between runs (the heap is reserved anew); everything else must not. */
    private static String withoutAddresses(String text) {
        return text.replaceAll("0x[0-9a-f]+", "0x?");
    }
}
