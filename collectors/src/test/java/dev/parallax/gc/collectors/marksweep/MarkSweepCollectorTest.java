package dev.parallax.gc.collectors.marksweep;

import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.collectors.TestHeap;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Mark-sweep against an independent model: random object graphs are built in the heap and, in
 * parallel, as plain Java adjacency lists; after a collection the objects left in the heap are
 * exactly those the model finds reachable, with their ids and fields intact.
 */
class MarkSweepCollectorTest {

    /** A model object: its address in the heap, its id, and the model indices of its referents. */
    record Node(long address, long id, int[] refs, long raw) {
    }

    @Test
    void survivorsAreExactlyTheReachableObjects_andUsedBytesEqualReachableBytes() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 400)).checkAssert(this::randomGraphRound);
    }

    private void randomGraphRound(long seed, int count) {
        Random rnd = new Random(seed);
        try (TestHeap h = new TestHeap(new MarkSweepCollector(), 1 << 20, 8)) {
            Shape pair = h.shapes.define("Pair", 3, 0, 1); // two references and a raw word
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean array = rnd.nextInt(4) == 0;
                int length = array ? rnd.nextInt(6) : 3;
                long a = array ? h.allocate(ObjectKind.REF_ARRAY, 0, length) : h.allocate(ObjectKind.SHAPED, pair.id(), 3);
                int refCount = array ? length : 2;
                int[] refs = new int[refCount];
                for (int r = 0; r < refCount; r++) {
                    refs[r] = nodes.isEmpty() || rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(nodes.size() + 1) - 1;
                }
                long raw = array ? 0 : rnd.nextLong();
                if (!array) {
                    h.objects.setField(a, 2, raw);
                }
                nodes.add(new Node(a, h.objects.objectId(a), refs, raw));
            }
            // back references plus forward links between nodes make cycles possible
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                for (int r = 0; r < n.refs().length; r++) {
                    if (n.refs()[r] < 0 && rnd.nextInt(4) == 0) {
                        n.refs()[r] = rnd.nextInt(nodes.size());
                    }
                    long target = n.refs()[r] < 0 ? 0 : nodes.get(n.refs()[r]).address();
                    h.objects.setField(n.address(), r, target == 0 ? 0 : h.tags.tagPointer(target));
                }
            }
            int[] rootIdx = new int[8];
            for (int s = 0; s < 8; s++) {
                rootIdx[s] = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(nodes.size());
                h.setRoot(s, rootIdx[s] < 0 ? 0 : nodes.get(rootIdx[s]).address());
            }

            Set<Integer> reachable = reachable(nodes, rootIdx);
            h.collect();

            Map<Long, ObjectKind> survivors = h.walk();
            Set<Long> expected = new HashSet<>();
            long expectedBytes = 0;
            for (int i : reachable) {
                Node n = nodes.get(i);
                expected.add(n.address());
                expectedBytes += h.objects.cellBytes(n.address());
                assertEquals(n.id(), h.objects.objectId(n.address()), "identity of a survivor");
                for (int r = 0; r < n.refs().length; r++) {
                    long target = n.refs()[r] < 0 ? 0 : nodes.get(n.refs()[r]).address();
                    assertEquals(target, h.objects.field(n.address(), r), "field " + r + " of " + h.objects.describe(n.address()));
                }
                if (h.objects.kind(n.address()) == ObjectKind.SHAPED) {
                    assertEquals(n.raw(), h.objects.field(n.address(), 2));
                }
            }
            assertEquals(expected, survivors.keySet(), "objects left in the heap");
            assertEquals(expectedBytes, h.collector.usage().usedBytes(), "used bytes after collection");
            assertEquals(reachable.size(), h.collector.liveObjects());
        }
    }

    private static Set<Integer> reachable(List<Node> nodes, int[] roots) {
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int r : roots) {
            if (r >= 0 && seen.add(r)) {
                work.add(r);
            }
        }
        while (!work.isEmpty()) {
            for (int t : nodes.get(work.poll()).refs()) {
                if (t >= 0 && seen.add(t)) {
                    work.add(t);
                }
            }
        }
        return seen;
    }

    @Test
    void freedSpaceIsReusedAndTheHeapCanBeFilledAgain() {
        try (TestHeap h = new TestHeap(new MarkSweepCollector(), 256 << 10, 1)) {
            int rounds = 0;
            for (int round = 0; round < 5; round++) {
                int allocated = 0;
                while (h.allocate(ObjectKind.RAW_ARRAY, 0, 14) != 0) {
                    allocated++;
                }
                assertTrue(allocated > 1000, "round " + round + " allocated only " + allocated);
                h.collect();
                assertEquals(0, h.collector.usage().usedBytes());
                assertEquals(256 << 10, h.collector.usage().largestFreeBytes(), "dead space coalesces into one chunk");
                rounds++;
            }
            assertEquals(5, rounds);
        }
    }

    @Test
    void largeObjectsComeFromTheFreeListsAndAreReclaimed() {
        try (TestHeap h = new TestHeap(new MarkSweepCollector(), 1 << 20, 1)) {
            long big = h.allocate(ObjectKind.RAW_ARRAY, 0, 50_000);
            assertNotEquals(0, big);
            h.setRoot(0, big);
            h.collect();
            assertEquals(HeaderLayout.objectBytes(50_000), h.collector.usage().usedBytes());
            h.setRoot(0, 0);
            h.collect();
            assertEquals(0, h.collector.usage().usedBytes());
        }
    }

    @Test
    void phasesAreAnnouncedInAlgorithmOrder() {
        try (TestHeap h = new TestHeap(new MarkSweepCollector(), 64 << 10, 1)) {
            h.collect();
            assertEquals(List.of(GcPhase.PREPARE, GcPhase.MARK_ROOTS, GcPhase.TRACE_LIVE, GcPhase.SWEEP, GcPhase.RELEASE),
                    h.phases);
        }
    }

    @Test
    void aRootIntoFreeMemoryFailsNamingTheSlot() {
        try (TestHeap h = new TestHeap(new MarkSweepCollector(), 64 << 10, 2)) {
            long a = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            h.collect(); // a is unreachable: its memory becomes free (and poisoned)
            h.setRoot(1, a);
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("root slot at byte 8"), e.getMessage());
        }
    }

    @Test
    void anInteriorPointerInAFieldFailsNamingTheObjectAndField() {
        try (TestHeap h = new TestHeap(new MarkSweepCollector(), 64 << 10, 1)) {
            long arr = h.allocate(ObjectKind.REF_ARRAY, 0, 2);
            long target = h.allocate(ObjectKind.REF_ARRAY, 0, 4);
            h.objects.setField(arr, 1, target + 16);
            h.setRoot(0, arr);
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("field 1 of object #1 REF_ARRAY"), e.getMessage());
        }
    }
}
