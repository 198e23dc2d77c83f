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
}
