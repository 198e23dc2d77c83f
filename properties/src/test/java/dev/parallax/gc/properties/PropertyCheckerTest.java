package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.StressMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped strategies keep every invariant on generated programs. */
class PropertyCheckerTest {
    private static final GcConfig DEFAULT = GcConfig.defaults().withDebug(true); // mark-sweep / precise+globals / low-bit

    @Test
    void markSweepWithPreciseRootsKeepsEveryInvariant() {
        CheckReport report = PropertyChecker.check(DEFAULT, 500, 20240611L, 150);
        assertTrue(report.passed(), report::render);
        assertEquals(500, report.programsTried(), report::render);
        assertTrue(report.render().contains("PASSED"), report::render);
        assertTrue(report.property().contains("mark-sweep / precise+globals / low-bit / allocation"), report.property());
    }

    @Test
    void markSweepSurvivesACollectionAtEveryAllocation() {
        CheckReport report = PropertyChecker.check(DEFAULT.withStress(StressMode.ALLOCATION, 1), 200, 99L, 100);
        assertTrue(report.passed(), report::render);
        assertTrue(report.property().contains("stress ALLOCATION every 1"), report.property());
    }

    @Test
    void markSweepSurvivesACollectionAtEveryThirdPoll() {
        CheckReport report = PropertyChecker.check(DEFAULT.withStress(StressMode.POLL, 3), 150, 5L, 100);
        assertTrue(report.passed(), report::render);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource({
            "mark-compact, precise+globals, low-bit",
            "mark-compact, precise+globals, high-bit",
            "mark-sweep, conservative+globals, low-bit",
            "mark-compact, precise+conservative+globals, high-bit"})
    void theOtherShippedStrategiesKeepEveryInvariant(String collector, String roots, String tags) {
        GcConfig config = DEFAULT.withCollector(collector).withRoots(List.of(roots.split("\\+"))).withTags(tags);
        CheckReport plain = PropertyChecker.check(config, 120, 17L, 100);
        assertTrue(plain.passed(), plain::render);
        CheckReport stressed = PropertyChecker.check(config.withStress(StressMode.ALLOCATION, 2), 60, 18L, 80);
        assertTrue(stressed.passed(), stressed::render);
    }

    @Test
    void aBadConfigurationIsTheCallersErrorNotACounterexample() {
        GcConfigException e = assertThrows(GcConfigException.class,
                () -> PropertyChecker.check(DEFAULT.withCollector("no-such-collector"), 5, 1L, 10));
        assertTrue(e.getMessage().contains("mark-sweep"), e.getMessage()); // it lists the valid choices
    }

    @Test
    void theCheckedConfigurationHasDebugOnAndASmallHeap() {
        GcConfig checked = PropertyChecker.forChecking(DEFAULT, 100);
        assertTrue(checked.debug());
        assertEquals(1L << 20, checked.heapBytes());
        assertEquals(DEFAULT.strategies(), checked.strategies());
    }

    @Test
    void exactlyTheProgramsAskedForRun() {
        for (int programs : new int[] {1, 2, 7}) {
            CheckReport report = PropertyChecker.check(DEFAULT, programs, 3L, 20);
            assertEquals(programs, report.programsTried(), report::render);
            assertTrue(report.render().contains("programs tried: " + programs + "\n"), report::render);
        }
    }

    @Test
    void fewerThanOneProgramActionOrThreadIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PropertyChecker.check(DEFAULT, 0, 1L, 10));
        assertThrows(IllegalArgumentException.class, () -> PropertyChecker.check(DEFAULT, -5, 1L, 10));
        assertThrows(IllegalArgumentException.class, () -> PropertyChecker.check(DEFAULT, 5, 1L, 0));
        assertThrows(IllegalArgumentException.class, () -> PropertyChecker.checkConcurrent(DEFAULT, 0, 5, 1L));
        assertThrows(IllegalArgumentException.class, () -> PropertyChecker.checkConcurrent(DEFAULT, 2, 0, 1L));
    }

    @Test
    void theConfiguredHeapAndReleaseModeAreKeptWhenAskedAndNamedInTheReport() {
        PropertyChecker.Settings asGiven = new PropertyChecker.Settings(false, false);
        CheckReport report = PropertyChecker.check(DEFAULT.withDebug(false).withHeapBytes(8L << 20), 20, 4L, 60, asGiven);
        assertTrue(report.passed(), report::render);
        assertTrue(report.property().contains("heap 8192 KiB, release mode"), report.property());
        CheckReport debug = PropertyChecker.check(DEFAULT, 3, 4L, 60);
        assertTrue(debug.property().contains("heap 1024 KiB, debug mode"), debug.property());
    }

    @Test
    void aKeptHeapTooSmallForTheProgramsIsRefused() {
        GcConfigException e = assertThrows(GcConfigException.class, () -> PropertyChecker.check(
                DEFAULT.withHeapBytes(256L << 10), 3, 1L, 100, new PropertyChecker.Settings(false, true)));
        assertTrue(e.getMessage().startsWith("heap: 256 KiB is smaller than the 1024 KiB"), e.getMessage());
    }

    @Test
    void theSameSeedChecksTheSamePrograms() {
        GcConfig skipOne = DEFAULT.withRoots(List.of("precise-skip-one", "globals"));
        CheckReport first = PropertyChecker.check(skipOne, 50, 8L, 40);
        CheckReport second = PropertyChecker.check(skipOne, 50, 8L, 40);
        assertEquals(first.programsTried(), second.programsTried());
        assertEquals(first.counterexample(), second.counterexample());
    }
}
