package dev.parallax.gc.harness.gcbench;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.runtime.StrategyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcBenchTest {
    /** Small enough to run under stress in a second; deep enough that trees span many collections. */
    private static final GcBenchParams TINY = new GcBenchParams(8, 6, 4_000, 2, 8);
    /** About 1,700 allocations, hence as many collections under allocation stress. */
    private static final GcBenchParams STRESSED = new GcBenchParams(6, 4, 2_048, 2, 6);

    @Test
    void treeSizesAndIterationCountsAreBoehms() {
        assertEquals(524_287, GcBenchParams.treeSize(18));
        assertEquals(33_824, GcBenchParams.STANDARD.numIters(4));
        assertEquals(8, GcBenchParams.STANDARD.numIters(16));
        assertEquals(1, GcBenchParams.STANDARD.numIters(18) / 2);
    }

    @Test
    void paramsRefuseAnArrayWithoutTheCheckedElement() {
        assertThrows(IllegalArgumentException.class, () -> new GcBenchParams(8, 6, 2_000, 2, 8));
        assertThrows(IllegalArgumentException.class, () -> new GcBenchParams(8, 9, 4_000, 2, 8));
    }

    @Test
    void baselineKeepsACompleteLongLivedTreeAndTheArray() {
        try (JavaGcBench bench = new JavaGcBench(TINY)) {
            BodyResult result = bench.runBody();
            assertEquals(new BodyResult(127, 6, 1.0 / 1000, 2 * (7 + 31 + 127 + 511)), result);
            result.check(TINY, "baseline");
        }
    }

    @Test
    void checkRejectsALostNode() {
        BodyResult broken = new BodyResult(127, 6, 1.0 / 1000, 2 * (7 + 31 + 127 + 511) - 1);
        GcBenchFailure failure = assertThrows(GcBenchFailure.class, () -> broken.check(TINY, "some heap"));
        assertTrue(failure.getMessage().contains("some heap"), failure.getMessage());
    }

    static List<String> collectors() {
        return StrategyCatalog.discover().names(Axis.COLLECTOR);
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void ourHeapMatchesTheBaselineAcrossManyCollections(String collector) {
        // 256 KiB: the temporary trees (about 8,000 nodes of 48 bytes) force collections.
        GcConfig config = GcConfig.defaults().withCollector(collector).withHeapBytes(256 << 10)
                .withTlabBytes(4 << 10);
        assertMatchesBaseline(config, TINY, 2);
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void ourHeapMatchesTheBaselineWhenEveryAllocationCollects(String collector) {
        GcConfig config = GcConfig.defaults().withCollector(collector).withHeapBytes(256 << 10)
                .withTlabBytes(4 << 10).withDebug(true).withStress(StressMode.ALLOCATION, 1);
        assertMatchesBaseline(config, STRESSED, 1);
    }

    /** Back-edges and function entries are safepoints too: a collection at each finds a stale address. */
    @ParameterizedTest
    @MethodSource("collectors")
    void ourHeapMatchesTheBaselineWhenEveryDeclaredSitePollsAndCollects(String collector) {
        for (String policy : StrategyCatalog.discover().names(Axis.SAFEPOINTS)) {
            GcConfig config = GcConfig.defaults().withCollector(collector).withSafepoints(policy)
                    .withHeapBytes(256 << 10).withTlabBytes(4 << 10).withDebug(true).withStress(StressMode.POLL, 1);
            assertMatchesBaseline(config, STRESSED, 1);
        }
    }

    private static void assertMatchesBaseline(GcConfig config, GcBenchParams params, int bodies) {
        BodyResult expected;
        try (JavaGcBench baseline = new JavaGcBench(params)) {
            expected = baseline.runBody();
        }
        try (GcRuntime runtime = GcRuntimes.create(config)) {
            try (HeapGcBench bench = new HeapGcBench(runtime, params)) {
                for (int i = 0; i < bodies; i++) {
                    assertEquals(expected, bench.runBody(), "body " + (i + 1) + " on " + config.strategies());
                }
            }
            assertTrue(runtime.stats().collections() > 0, "the benchmark never collected: " + runtime.stats());
        }
    }
}
