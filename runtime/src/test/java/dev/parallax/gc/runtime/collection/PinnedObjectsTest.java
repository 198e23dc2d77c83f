package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code CollectionRecord.pinnedObjects}: distinct objects named by pinning roots, once per pause. */
class PinnedObjectsTest {
    /** Two objects on the stack, one named by three words (two slots and an interior address). */
    private static List<CollectionRecord> collectWithTwoPinnedObjects(GcConfig config) {
        List<CollectionRecord> records = new CopyOnWriteArrayList<>();
        try (GcRuntimeImpl runtime = TestRuntimes.create(config); Mutator m = runtime.attach("main")) {
            runtime.addListener(new GcListener() {
                @Override
                public void collectionEnded(CollectionRecord record) {
                    records.add(record);
                }
            });
            m.pushFrame(runtime.frames().define("two refs, a raw word, a ref", 4, 0, 1, 3));
            m.setRef(0, m.allocateRawArray(4));
            m.setRef(1, m.ref(0));
            m.setRaw(2, m.ref(0) + 24);                            // an interior address, as a raw word
            m.setRef(3, m.boxLong(5));
            m.collect();
            m.collect();
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental"})
    void eachPinnedObjectCountsOnceHoweverOftenAndByHowManyWordsItIsNamed(String collector) {
        List<CollectionRecord> records = collectWithTwoPinnedObjects(TestRuntimes.small().withCollector(collector)
                .withRoots(List.of("conservative", "globals")).withDebug(true));
        assertEquals(2, records.size());
        assertTrue(records.stream().allMatch(r -> r.pinnedObjects() == 2), records.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact"})
    void theObjectStartMapIsBuiltOncePerPauseOnlyWhenAWordIsResolved(String collector) {
        GcConfig conservative = TestRuntimes.small().withCollector(collector).withRoots(List.of("conservative"));
        try (GcRuntimeImpl runtime = TestRuntimes.create(conservative); Mutator m = runtime.attach("main")) {
            m.pushFrame(1);
            m.setRef(0, m.boxLong(1));
            for (int i = 0; i < 3; i++) {
                m.collect();                                    // mark-compact scans the roots twice per pause
            }
            assertEquals(3, runtime.objectStartMapBuilds());
            assertEquals(1, m.unboxLong(m.ref(0)));
        }
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector(collector));
             Mutator m = runtime.attach("main")) {
            m.collect();
            assertEquals(0, runtime.objectStartMapBuilds(), "precise roots resolve no word");
        }
    }

    @Test
    void preciseRootsPinNothing() {
        List<CollectionRecord> records = collectWithTwoPinnedObjects(TestRuntimes.small());
        assertFalse(records.isEmpty());
        assertTrue(records.stream().allMatch(r -> r.pinnedObjects() == 0), records.toString());
    }

    @Test
    void theAddressSetKeepsDistinctAddressesAcrossGrowthAndClears() {
        AddressSet set = new AddressSet();
        for (long a = 8; a <= 8 * 1000; a += 8) {
            assertTrue(set.add(a));
            assertFalse(set.add(a));
        }
        assertEquals(1000, set.size());
        for (long a = 8; a <= 8 * 1000; a += 8) {
            assertFalse(set.add(a), "kept across growth: " + a);
        }
        set.clear();
        assertEquals(0, set.size());
        assertTrue(set.add(16));
    }
}
