package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several mutators on one runtime, collections interleaving with their programs. */
class ConcurrentPropertyTest {

    @Test
    void threeMutatorsAndAControlThreadKeepEveryInvariant() {
        CheckReport report = PropertyChecker.checkConcurrent(GcConfig.defaults().withDebug(true), 3, 25, 31L);
        assertTrue(report.passed(), report::render);
        assertTrue(report.property().contains("3 mutator threads"), report.property());
        assertTrue(report.property().contains("stress POLL every 5"), report.property());
    }

    @Test
    void fourMutatorsWithACollectionAtEveryOtherAllocation() {
        CheckReport report = PropertyChecker.checkConcurrent(
                GcConfig.defaults().withStress(StressMode.ALLOCATION, 2), 4, 15, 77L);
        assertTrue(report.passed(), report::render);
    }

    /** The free-running mode is kept: real thread interleavings, the control thread collecting all the while. */
    @Test
    void freeRunningThreadsKeepEveryInvariantToo() {
        CheckReport report = PropertyChecker.checkConcurrent(GcConfig.defaults().withDebug(true), 3, 10, 31L,
                PropertyChecker.Settings.DEFAULT, Scheduling.FREE_RUNNING);
        assertTrue(report.passed(), report::render);
        assertTrue(report.property().contains("free-running threads"), report.property());
    }

    @Test
    void theDefaultIsTheDeterministicScheduler() {
        CheckReport report = PropertyChecker.checkConcurrent(GcConfig.defaults(), 2, 3, 8L);
        assertTrue(report.passed(), report::render);
        assertTrue(report.property().contains("deterministic schedule random, replayed exactly from the seed"),
                report.property());
    }
}
