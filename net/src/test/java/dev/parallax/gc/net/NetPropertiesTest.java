package dev.parallax.gc.net;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;
import dev.parallax.gc.net.term.Evaluator;
import dev.parallax.gc.net.term.Expr;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;

/**
 * {@link NetProperty} over every collector and tag scheme on the class path crossed with every Ref-root
 * strategy (the indexed one with each index), collecting at every allocation in debug mode; and its
 * teeth: a Ref-root strategy that skips partition 1 is caught.
 */
class NetPropertiesTest {
    private static final int EXAMPLES = 40;
    private static final int DEPTH = 5;
    /** Ref-root strategy and the net-indexed.index option (null: none). */
    private static final List<String[]> REF_ROOTS = List.of(new String[]{"net-naive", null},
            new String[]{"net-indexed", "bitmap"}, new String[]{"net-indexed", "list"}, new String[]{"net-parallel", null});

    /** A runtime that never collects (a big heap, no stress): the reference normal forms. */
    private static GcRuntime uncollected() {
        return GcRuntimes.create(GcConfig.defaults().withHeapBytes(64L << 20)
                .withRoots(List.of("precise", "globals", "net-naive")));
    }

    /** The normal form with collection disabled, checked against the evaluator. */
    private static String reference(GcRuntime uncollected, Expr e) {
        String form = NetProperty.run(uncollected, e, 2, false);
        assertEquals(Evaluator.eval(e).text(), form, "uncollected reduction of " + e + " against the evaluator");
        return form;
    }

    @TestFactory
    Stream<DynamicTest> everyCollectorTagSchemeAndRefRootStrategy() {
        StrategyCatalog catalog = StrategyCatalog.discover();
        List<DynamicTest> tests = new ArrayList<>();
        long seed = 1200;
        for (String collector : catalog.names(Axis.COLLECTOR)) {
            for (String tags : catalog.names(Axis.TAGS)) {
                for (String[] refRoots : REF_ROOTS) {
                    GcConfig config = NetProperty.stressed(collector, tags, refRoots[0], refRoots[1]);
                    long s = seed++;
                    tests.add(dynamicTest(config.strategies() + (refRoots[1] == null ? "" : " " + refRoots[1]),
                            () -> check(config, GcRuntimes.create(config), s)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(GcConfig config, GcRuntime runtime, long seed) {
        try (runtime; GcRuntime uncollected = uncollected()) {
            qt().withExamples(EXAMPLES).withFixedSeed(seed).withShrinkCycles(50)
                    .forAll(NetProperty.exprs(DEPTH).describedAs(Object::toString))
                    .checkAssert(e -> assertEquals(reference(uncollected, e), NetProperty.run(runtime, e, 2), "normal form of " + e));
            assertTrue(runtime.stats().collections() > EXAMPLES, "the property collected: " + runtime.stats());
            assertEquals(0, uncollected.stats().collections(), "the reference runtime never collected");
        }
    }

    /** Teeth: a Ref-root strategy that skips partition 1 fails the property, under a moving and a non-moving collector. */
    @Test
    void aRefRootStrategySkippingOnePartitionIsCaught() {
        List<StrategyProvider> providers = new ArrayList<>();
        ServiceLoader.load(StrategyProvider.class).forEach(providers::add);
        providers.add(new SkipOnePartitionRoots.Provider());
        StrategyCatalog catalog = StrategyCatalog.of(providers);
        for (String collector : List.of("mark-sweep", "mark-compact")) {
            GcConfig config = NetProperty.stressed(collector, "low-bit", SkipOnePartitionRoots.NAME, null);
            GcRuntime runtime = GcRuntimes.create(config, catalog);
            Throwable caught = assertThrows(Throwable.class, () -> check(config, runtime, 7), collector);
            assertTrue(String.valueOf(caught.getMessage()).contains("Property falsified"), collector + ": " + caught);
        }
    }
}
