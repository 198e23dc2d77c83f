package dev.parallax.gc.properties;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.properties.run.Coverage;
import dev.parallax.gc.properties.run.Invariant;
import dev.parallax.gc.runtime.StrategyCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The property over the whole strategy matrix: every collector, tag scheme and safepoint policy on
 * the class path (so a new strategy joins by being there), crossed with the three root sets, each
 * combination a named test, in debug mode (the runtime's verifier and live-set check on top of the
 * model's invariants) and again in release mode (the collectors and mutator as benchmarks run them,
 * checked by the model alone); then a stressed run for a subset. The deliberately broken
 * strategies of the teeth tests are left out.
 */
class StrategyMatrixTest {
    /** The root sets of the matrix: precise, conservative, and both, each with the globals. */
    static final List<List<String>> ROOT_SETS = List.of(List.of("precise", "globals"),
            List.of("conservative", "globals"), List.of("precise", "conservative", "globals"));
    private static final int PROGRAMS = 100;
    private static final int STRESSED_PROGRAMS = 50;
    private static final int MAX_ACTIONS = 100;

    @TestFactory
    Stream<DynamicTest> everyCombinationKeepsEveryInvariant() {
        return combinations().stream().map(c -> c.withDebug(true)).map(config -> dynamicTest(config.strategies(),
                () -> check(config, PROGRAMS, seed(config))));
    }

    @TestFactory
    Stream<DynamicTest> everyCombinationKeepsEveryInvariantInReleaseMode() {
        return combinations().stream().map(c -> c.withOptions(releaseOptions(c.collector())))
                .map(config -> dynamicTest(config.strategies() + ", release",
                        () -> check(config, PROGRAMS, seed(config) + 2)));
    }

    /**
     * A stressed run for every combination with the first tag scheme: a collection at every second
     * allocation under the allocation policy, at every second poll the other policies make.
     */
    @TestFactory
    Stream<DynamicTest> stressedCombinationsKeepEveryInvariant() {
        String firstTags = names(Axis.TAGS).getFirst();
        return combinations().stream().filter(c -> c.tags().equals(firstTags))
                .map(c -> c.withDebug(true)
                        .withStress(c.safepoints().equals("allocation") ? StressMode.ALLOCATION : StressMode.POLL, 2))
                .map(config -> dynamicTest(config.strategies() + ", stress " + config.stress(),
                        () -> check(config, STRESSED_PROGRAMS, seed(config) + 1)));
    }

    /** Naive decoding reads stack words as raw addresses: under low-bit tags it finds every pointer, and more. */
    @Test
    void naiveConservativeDecodingUnderLowBitTagsKeepsEveryInvariant() {
        GcConfig naive = GcConfig.defaults().withDebug(true).withCollector("mark-compact")
                .withRoots(List.of("precise", "conservative", "globals")).withTags("low-bit")
                .withOptions(Map.of("conservative.decode", "naive"));
        check(naive, PROGRAMS, 11L);
    }

    private static void check(GcConfig config, int programs, long seed) {
        CheckReport report = PropertyChecker.check(config, programs, seed, MAX_ACTIONS);
        assertTrue(report.passed(), report::render);
        Coverage coverage = report.coverage();
        assertTrue(coverage.pauses() > programs && coverage.checks(Invariant.ONLY_UNREACHABLE_RECLAIMED) > programs,
                report::render); // the programs exercised the collector
        if (config.roots().contains("conservative")) {
            assertTrue(coverage.checks(Invariant.STACK_NAMED_SURVIVE) > programs, report::render);
        }
    }

    /** Every collector x root set x tag scheme x safepoint policy, in catalog order. */
    static List<GcConfig> combinations() {
        List<GcConfig> out = new ArrayList<>();
        for (String collector : names(Axis.COLLECTOR)) {
            for (List<String> roots : ROOT_SETS) {
                for (String tags : names(Axis.TAGS)) {
                    for (String safepoints : names(Axis.SAFEPOINTS)) {
                        out.add(GcConfig.defaults().withCollector(collector).withRoots(roots).withTags(tags)
                                .withSafepoints(safepoints).withOptions(options(collector)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The incremental collector scans one object per step, so stores interleave with marking; Immix
     * evacuates at every collection, so copying, forwarding and pinning in candidate blocks run.
     */
    static Map<String, String> options(String collector) {
        return switch (collector) {
            case "incremental" -> Map.of("incremental.budget", "1");
            case "immix" -> Map.of("immix.defrag", "always");
            default -> Map.of();
        };
    }

    /**
     * In release mode Immix keeps its default (no forced evacuation): its collections mark in
     * parallel; the generational collector promotes into its other mature space, mark-sweep.
     */
    static Map<String, String> releaseOptions(String collector) {
        return switch (collector) {
            case "immix" -> Map.of("immix.workers", "2");
            case "generational" -> Map.of("generational.mature", "mark-sweep");
            default -> options(collector);
        };
    }

    /** The names on an axis, without the broken strategies of the teeth tests. */
    static List<String> names(Axis axis) {
        StrategyCatalog catalog = StrategyCatalog.discover();
        return catalog.names(axis).stream()
                .filter(n -> !catalog.require(axis, n).getClass().getPackageName().endsWith(".teeth"))
                .toList();
    }

    /** A seed per combination that does not change when strategies join the matrix. */
    private static long seed(GcConfig config) {
        return config.strategies().hashCode();
    }
}
