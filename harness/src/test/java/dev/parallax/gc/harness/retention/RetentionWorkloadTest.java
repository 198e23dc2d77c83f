package dev.parallax.gc.harness.retention;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionWorkloadTest {
    /** 63 + 2 * 31 reachable nodes at the end, about 430 allocations, as many collections under stress. */
    private static final RetentionParams TINY = new RetentionParams(5, 4, 12, 2, 8);

    static Stream<String> collectors() {
        return StrategyCatalog.discover().names(Axis.COLLECTOR).stream();
    }

    private static GcConfig stressed(String collector, String roots) {
        return GcConfig.defaults().withCollector(collector).withRoots(List.of(roots.split(",")))
                .withHeapBytes(256 << 10).withTlabBytes(4 << 10).withDebug(true)
                .withStress(StressMode.ALLOCATION, 1);
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void preciseRunKeepsExactlyTheReachableTreesWhenEveryAllocationCollects(String collector) {
        List<CollectionRecord> records = run(stressed(collector, "precise,globals"), WordClass.HEAP_ALIGNED);
        long reachable = GcBenchParams.treeSize(TINY.longLivedDepth())
                + TINY.liveChurn() * GcBenchParams.treeSize(TINY.churnDepth());
        assertTrue(records.size() > 400, "stress collected " + records.size() + " times");
        RetentionRun run = RetentionRun.of(List.of(records));
        assertEquals(reachable, run.liveObjects(), collector);
        assertEquals(0, run.pinnedPerGc(), "precise roots pin nothing");
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void conservativeRunKeepsAtLeastTheReachableTreesAndPinsWhenEveryAllocationCollects(String collector) {
        GcConfig config = stressed(collector, "conservative,globals");
        RetentionRun run = RetentionRun.of(List.of(run(config, WordClass.HEAP_UNALIGNED)));
        long reachable = GcBenchParams.treeSize(TINY.longLivedDepth())
                + TINY.liveChurn() * GcBenchParams.treeSize(TINY.churnDepth());
        assertTrue(run.liveObjects() >= reachable, run.toString());
        assertTrue(run.pinnedPerGc() > 0, "the real pointers in the frames are pinned: " + run);
    }

    @ParameterizedTest
    @MethodSource("collectors")
    void naiveDecodingUnderLowBitTagsIsSafe(String collector) {
        GcConfig config = stressed(collector, "conservative,globals").withOptions(Map.of("conservative.decode", "naive"));
        RetentionRun run = RetentionRun.of(List.of(run(config, WordClass.RANDOM)));
        assertTrue(run.liveObjects() >= GcBenchParams.treeSize(TINY.longLivedDepth()), run.toString());
    }

    private static List<CollectionRecord> run(GcConfig config, WordClass words) {
        try (GcRuntimeImpl runtime = GcRuntimes.create(config, StrategyCatalog.discover())) {
            return new RetentionWorkload(runtime, TINY).run(words, 7);
        }
    }
}
