package dev.parallax.gc.collectors.markcompact;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.collectors.CollectorContractTest;
import dev.parallax.gc.collectors.TestHeap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class MarkCompactCollectorTest extends CollectorContractTest {
    @Override
    protected Collector newCollector() {
        return new MarkCompactCollector();
    }

    @Test
    void withNothingPinned_liveDataEndsContiguousFromTheHeapStart_inAllocationOrder() {
        qt().withExamples(40).forAll(longs().all(), integers().between(1, 300)).checkAssert((seed, count) -> {
            try (TestHeap h = new TestHeap(newCollector(), 1 << 20, 8)) {
                Graph g = buildRandomGraph(h, new Random(seed), count, 8);
                h.collect();
                checkAgainstModel(h, g);
                long expected = h.objects.base();
                long lastId = 0;
                for (long a : h.walk().keySet()) {
                    assertEquals(expected, a, "live objects are contiguous");
                    assertTrue(h.objects.objectId(a) > lastId, "allocation order is kept");
                    lastId = h.objects.objectId(a);
                    expected = a + h.objects.cellBytes(a);
                }
                assertEquals(h.collector.usage().freeBytes(), h.collector.usage().largestFreeBytes(),
                        "all free space is one block");
            }
        });
    }

    @Test
    void pinnedObjectsDoNotMove_andTheGapsBeforeThemAreTheFragmentationLeft() {
        qt().withExamples(40).forAll(longs().all(), integers().between(2, 300)).checkAssert((seed, count) -> {
            try (TestHeap h = new TestHeap(newCollector(), 1 << 20, 8)) {
                Random rnd = new Random(seed);
                Graph g = buildRandomGraph(h, rnd, count, 8);
                Map<Long, Long> pinned = new HashMap<>();
                for (long a : h.walk().keySet()) {
                    if (rnd.nextInt(5) == 0) {
                        h.objects.setBits(a, HeaderLayout.PINNED_BIT);
                        pinned.put(h.objects.objectId(a), a);
                    }
                }
                h.collect();
                Map<Long, Long> after = checkAgainstModel(h, g);
                after.forEach((id, address) -> {
                    if (pinned.containsKey(id)) {
                        assertEquals(pinned.get(id), address, "pinned object #" + id + " moved");
                        assertTrue(h.objects.isPinned(address), "the API pin survives the collection");
                    }
                });
            }
        });
    }

    @Test
    void compactionRemovesTheHolesThatMarkSweepWouldLeave() {
        try (TestHeap h = new TestHeap(newCollector(), 256 << 10, 64)) {
            List<Long> kept = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                long a = h.allocate(ObjectKind.RAW_ARRAY, 0, 62); // 512 bytes each
                if (i % 2 == 0) {
                    h.setRoot(kept.size(), a);
                    kept.add(h.objects.objectId(a));
                }
            }
            h.collect();
            assertEquals(0.0, h.collector.usage().fragmentation(), 1e-9);
            for (int s = 0; s < kept.size(); s++) {
                assertEquals(kept.get(s), h.objects.objectId(h.root(s)), "root slot " + s + " follows its object");
            }
        }
    }

    @Test
    void phasesAreAnnouncedInAlgorithmOrder() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            h.collect();
            assertEquals(List.of(GcPhase.PREPARE, GcPhase.MARK_ROOTS, GcPhase.TRACE_LIVE, GcPhase.COMPUTE_FORWARDING,
                    GcPhase.UPDATE_REFERENCES, GcPhase.RELOCATE, GcPhase.RELEASE), h.phases);
        }
    }

    /**
     * Regression (issue 8, defect 2): {@code usage()} is callable at any time, also while a pause
     * rebuilds the free lists. Here a pinned object kept a 40 KiB gap in the lists; once it is
     * unpinned and dead, relocation slides a survivor over that gap, so the old lists lead into live
     * data. A reader asking for the usage after relocation, before the lists are rebuilt, must get a
     * consistent account (the one from the start of the pause), not follow the stale links.
     */
    @Test
    void usageDuringAPauseIsTheConsistentAccountOfItsStartNotTheListsBeingRebuilt() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 2)) {
            for (int i = 0; i < 40; i++) {
                h.allocate(ObjectKind.REF_ARRAY, 0, 126); // 40 KiB of garbage below the pinned object
            }
            long pinned = h.allocate(ObjectKind.REF_ARRAY, 0, 1);
            h.objects.setBits(pinned, HeaderLayout.PINNED_BIT);
            h.setRoot(0, pinned);
            h.setRoot(1, h.allocate(ObjectKind.REF_ARRAY, 0, 1));
            h.collect(); // the gap before the pinned object is now the largest free chunk
            h.objects.clearBits(pinned, HeaderLayout.PINNED_BIT);
            h.setRoot(0, 0);
            var before = h.collector.usage();
            List<Object> seen = new ArrayList<>();
            h.onPhase = phase -> {
                if (phase == GcPhase.RELEASE) {
                    try {
                        seen.add(h.collector.usage());
                    } catch (RuntimeException e) {
                        seen.add(e);
                    }
                }
            };
            h.collect();
            assertEquals(List.of(before), seen, "usage() during the pause");
            var after = h.collector.usage();
            assertEquals(after.capacityBytes(), after.usedBytes() + after.freeBytes());
            assertTrue(after.largestFreeBytes() <= after.freeBytes(), after.toString());
        }
    }

    @Test
    void itIsCalledMarkCompactAndMovesObjectsAndPins() {
        MarkCompactCollector c = new MarkCompactCollector();
        assertEquals("mark-compact", c.name());
        assertTrue(c.constraints().movesObjects() && c.constraints().supportsPinning());
    }

    /** The counters name what the last collection did: objects moved, objects kept in place by a pin. */
    @Test
    void theCountersCountMovedAndPinnedObjects() {
        MarkCompactCollector c = new MarkCompactCollector();
        try (TestHeap h = new TestHeap(c, 64 << 10, 3)) {
            h.allocate(ObjectKind.RAW_ARRAY, 0, 20);            // garbage below everything
            long pinned = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            h.objects.setBits(pinned, HeaderLayout.PINNED_BIT);
            h.allocate(ObjectKind.RAW_ARRAY, 0, 20);            // garbage between
            h.setRoot(0, pinned);
            h.setRoot(1, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
            h.setRoot(2, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
            h.collect();
            assertEquals(pinned, h.root(0));
            assertEquals(2, c.movedObjects());
            assertEquals(1, c.pinnedObjects());
            assertEquals(Map.of("moved-last-gc", 2L, "pinned-last-gc", 1L), c.counters());
        }
    }

    /** An object a pinning root names stays put this cycle, and the cycle's pin bit is gone afterwards. */
    @Test
    void anObjectNamedByAPinningRootStaysPutForTheCycleOnly() {
        MarkCompactCollector c = new MarkCompactCollector();
        try (TestHeap h = new TestHeap(c, 64 << 10, 1)) {
            h.allocate(ObjectKind.RAW_ARRAY, 0, 20);
            long held = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            h.pinningRoots.add(held);
            h.collect();
            assertEquals(Map.of(held, ObjectKind.BOXED_LONG), h.walk(), "kept in place, GC bits clear");
            h.pinningRoots.clear();
            h.setRoot(0, held);
            h.collect();
            assertEquals(h.objects.base(), h.root(0), "no longer pinned: it slides down");
        }
    }

    /** Objects of 64 KiB and more are never moved: copying them costs more than the gap they would close. */
    @Test
    void anObjectOfExactlyTheLargeSizeStaysPut() {
        try (TestHeap h = new TestHeap(new MarkCompactCollector(), 256 << 10, 1)) {
            h.allocate(ObjectKind.RAW_ARRAY, 0, 20);
            long words = MarkCompactCollector.LARGE_OBJECT_BYTES / 8 - h.objects.headerWords();
            long big = h.allocate(ObjectKind.RAW_ARRAY, 0, (int) words);
            assertEquals(MarkCompactCollector.LARGE_OBJECT_BYTES, h.objects.cellBytes(big));
            h.setRoot(0, big);
            h.collect();
            assertEquals(big, h.root(0));
        }
    }

    /** More live objects than the forwarding table's first capacity, and one in the heap's last block. */
    @Test
    void manyLiveObjectsAndOneInTheLastBlockAreForwarded() {
        try (TestHeap h = new TestHeap(new MarkCompactCollector(), 256 << 10, 2)) {
            h.allocate(ObjectKind.RAW_ARRAY, 0, 30);            // garbage: everything slides
            for (int i = 0; i < 1030; i++) {
                long cell = h.allocate(ObjectKind.REF_ARRAY, 0, 1);
                h.objects.setField(cell, 0, i == 0 ? 0 : h.tags.tagPointer(h.root(0)));
                h.setRoot(0, cell);
            }
            long top = h.allocate(ObjectKind.RAW_ARRAY, 0, 200); // > 1 KiB: carved from the top of the heap
            assertTrue(h.objects.limit() - top <= 2048, "the large object sits in the last blocks");
            h.objects.setField(top, 199, 77);
            h.setRoot(1, top);
            h.collect();
            int cells = 0;
            for (long c = h.root(0); c != 0; c = h.objects.field(c, 0) == 0 ? 0 : h.tags.untag(h.objects.field(c, 0))) {
                cells++;
            }
            assertEquals(1030, cells);
            assertEquals(77, h.objects.field(h.root(1), 199));
            assertEquals(1030 * h.objects.objectBytes(1) + h.objects.objectBytes(200), h.collector.usage().usedBytes());
        }
    }

    /**
     * Release mode trusts a root: one that points at a word whose "header" claims a body running past
     * the heap's end is still refused when compaction sizes the marked cell, before anything moves.
     */
    @Test
    void aMarkedCellThatRunsPastTheHeapEndIsRefusedBeforeAnythingMoves() {
        try (TestHeap h = new TestHeap(new MarkCompactCollector(), 64 << 10, 1, false)) {
            long raw = h.allocate(ObjectKind.RAW_ARRAY, 0, 4);
            h.objects.setField(raw, 0, HeaderLayout.statusWord(ObjectKind.RAW_ARRAY, 0, 1 << 20));
            h.setRoot(0, h.objects.fieldAddress(raw, 0));
            dev.parallax.gc.api.object.HeapCorruptionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.parallax.gc.api.object.HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("is not an object"), e.getMessage());
        }
    }
}
