package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.strategy.Axis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcRuntimesTest {
    private static final GcConfig SMALL = TestRuntimes.small();

    private static String refused(GcConfig config) {
        return assertThrows(GcConfigException.class, () -> GcRuntimes.create(config, TestStrategies.catalog()))
                .getMessage();
    }

    @Test
    void theDefaultsAssembleTheRealStrategies() {
        try (GcRuntime runtime = GcRuntimes.create(SMALL)) {
            GcRuntimeImpl impl = assertInstanceOf(GcRuntimeImpl.class, runtime);
            assertEquals("mark-sweep", impl.collector().name());
            assertEquals("low-bit", runtime.tags().name());
            assertEquals("allocation", impl.safepointPolicy().name());
            assertEquals(List.of("precise", "globals"), impl.rootSources().stream().map(RootSource::name).toList());
            assertEquals(SMALL.heapBytes(), runtime.usage().capacityBytes());
            assertEquals(0, impl.objects().base() % 4096, "the heap is page-aligned");
        }
    }

    @Test
    void rootSourcesRunInConfigOrder() {
        try (GcRuntimeImpl runtime = GcRuntimes.create(SMALL.withRoots(List.of("globals", "precise")),
                StrategyCatalog.discover())) {
            assertEquals(List.of("globals", "precise"), runtime.rootSources().stream().map(RootSource::name).toList());
        }
    }

    @Test
    void unknownNamesAreRefusedListingTheValidOnes() {
        String collector = refused(SMALL.withCollector("foo"));
        assertTrue(collector.startsWith("unknown collector 'foo'; valid collectors: "), collector);
        assertTrue(collector.contains("mark-compact, mark-sweep"), collector);
        String roots = refused(SMALL.withRoots(List.of("precise", "psychic")));
        assertTrue(roots.startsWith("unknown root source 'psychic'; valid root sources: ")
                && roots.contains("conservative, globals"), roots);
        String tags = refused(SMALL.withTags("no-tags"));
        assertTrue(tags.startsWith("unknown tag scheme 'no-tags'; valid tag schemes: ") && tags.contains("low-bit"),
                tags);
        String policy = refused(SMALL.withSafepoints("never"));
        assertTrue(policy.startsWith("unknown safepoint policy 'never'; valid safepoint policies: allocation, "),
                policy);
    }

    @Test
    void anUnknownNameIsOneShortLineSuggestingTheNearestValidName() {
        String collector = refused(SMALL.withCollector("mark-swep"));
        assertTrue(collector.startsWith("unknown collector 'mark-swep' (did you mean 'mark-sweep'?); valid collectors: "),
                collector);
        assertFalse(collector.contains("stop-the-world"), "short, without every description: " + collector);
        String tags = refused(SMALL.withTags("lowbit"));
        assertTrue(tags.contains("(did you mean 'low-bit'?)"), tags);
        assertFalse(refused(SMALL.withCollector("zzz")).contains("did you mean"));
    }

    @Test
    void aMisspeltOrUnknownStrategyOptionIsRefusedWithTheValidNames() {
        String misspelt = refused(SMALL.withOptions(java.util.Map.of("incremental.budgte", "5")));
        assertTrue(misspelt.startsWith("unknown strategy option 'incremental.budgte' (did you mean 'incremental.budget'?)"),
                misspelt);
        assertTrue(misspelt.contains("conservative.decode") && misspelt.contains("safepoints.interval"), misspelt);
        String unknown = refused(SMALL.withOptions(java.util.Map.of("nosuch.option", "1")));
        assertTrue(unknown.startsWith("unknown strategy option 'nosuch.option'; the strategies found declare: "), unknown);
        // a declared option of another axis' strategy is accepted (bench runs several collectors with one -o)
        GcRuntimes.create(SMALL.withOptions(java.util.Map.of("incremental.budget", "5")), TestStrategies.catalog()).close();
    }

    @Test
    void aHeapLargerThanTheMachineIsAConfigErrorNamingBothSizes() {
        long physical = GcRuntimes.physicalMemoryBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(physical > 0, "the JVM does not report the machine's memory");
        long tooBig = (physical / (1L << 30) + 8) << 30;
        String message = refused(SMALL.withHeapBytes(tooBig));
        assertTrue(message.startsWith("heap: " + (tooBig >> 30) + " GiB cannot be reserved: this machine has "),
                message);
        assertTrue(message.contains("GiB of memory"), message);
    }

    @Test
    void aRootSourceListedTwiceIsRefused() {
        String message = refused(SMALL.withRoots(List.of("precise", "globals", "precise")));
        assertTrue(message.contains("'precise' is listed twice"), message);
    }

    @Test
    void pinningRootsWithAMovingCollectorThatCannotPinAreRefusedNamingBoth() {
        String message = refused(SMALL.withCollector("test-unpinnable-mover").withRoots(List.of("conservative")));
        assertTrue(message.contains("root source 'conservative' reports pinning roots")
                && message.contains("'UnpinnableMover' moves objects and cannot pin"), message);
        // with precise roots the same collector is acceptable
        GcRuntimes.create(SMALL.withCollector("test-unpinnable-mover"), TestStrategies.catalog()).close();
    }

    @Test
    void guiceErrorsAreSummarisedAndAStrategysOwnConfigErrorPassesThrough() {
        GcConfigException e = assertThrows(GcConfigException.class,
                () -> GcRuntimes.create(SMALL.withCollector("test-no-binding"), TestStrategies.catalog()));
        assertTrue(e.getMessage().startsWith("cannot assemble test-no-binding / precise+globals / low-bit / allocation: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Collector"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line, no Guice report: " + e.getMessage());
        assertEquals("test.option: 'x' is not a number", refused(SMALL.withCollector("test-bad-option")));
    }

    @Test
    void aTagSchemeThatCannotEncodeTheHeapIsAConfigError() {
        String message = refused(SMALL.withTags("test-narrow"));
        assertTrue(message.startsWith("tag scheme 'test-narrow' cannot encode this heap's addresses")
                && message.contains("needs more than 8 bits"), message);
    }

    @Test
    void aBarrierIsCalledOnReferenceStoresOnlyWhenTheCollectorNeedsOne() {
        try (GcRuntimeImpl runtime = GcRuntimes.create(SMALL.withCollector("test-barrier"), TestStrategies.catalog());
             Mutator m = runtime.attach("main")) {
            var barrier = assertInstanceOf(TestStrategies.BarrierCountingCollector.class, runtime.collector()).calls;
            Shape pair = runtime.shapes().define("Pair", 2, 0);
            m.pushFrame(2);
            long a = m.allocate(pair);
            m.setRef(0, a);
            long b = m.allocate(pair);
            a = m.ref(0);
            m.writeRef(a, 0, b);
            m.writeValue(a, 0, runtime.tags().tagSmallInt(4));
            m.writeRaw(a, 1, 99);
            m.setRef(1, b);
            assertEquals(2, barrier.size());
            assertEquals(List.of(a, 0L, 0L, runtime.tags().tagPointer(b)), List.of(barrier.get(0)[0], barrier.get(0)[1],
                    barrier.get(0)[2], barrier.get(0)[3]));
            assertEquals(runtime.tags().tagPointer(b), barrier.get(1)[2], "the old value is passed");
        }
    }

    @Test
    void theCatalogListsEveryAxis() {
        StrategyCatalog catalog = StrategyCatalog.discover();
        assertEquals(List.of("allocation", "back-edge", "function-entry"), catalog.names(Axis.SAFEPOINTS));
        assertTrue(catalog.names(Axis.COLLECTOR).contains("mark-sweep"));
        String text = catalog.describe();
        for (String expected : List.of("collectors (--collector):", "root sources (--roots):", "tag schemes (--tags):",
                "safepoint policies (--safepoints):", "  allocation ", "  precise ", "  low-bit ")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
        }
    }
}
