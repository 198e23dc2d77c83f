package dev.parallax.gc.collectors;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
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
 * What every collector must do, checked against an independent model: random object graphs are
 * built in the heap and, in parallel, as plain Java adjacency lists keyed by object id. After a
 * collection the objects left in the heap are exactly those the model finds reachable, with the
 * same ids, raw words and reference structure (by id, so moving collectors are held to it too),
 * and the collector's used bytes equal the reachable bytes.
 */
public abstract class CollectorContractTest {
    protected abstract Collector newCollector();

    /** A model object: its id, the model indices of its referents (-1 = null), its raw word. */
    protected record Node(long id, int[] refs, long raw, boolean array) {
    }

    /** A random graph, built in the heap and in the model, with root slots naming some nodes. */
    protected record Graph(List<Node> nodes, int[] roots) {
        Set<Integer> reachable() {
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
    }

    protected static Graph buildRandomGraph(TestHeap h, Random rnd, int count, int rootSlots) {
        Shape pair = h.shapes.define("Pair", 3, 0, 1); // two references and a raw word
        List<Node> nodes = new ArrayList<>();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean array = rnd.nextInt(4) == 0;
            int length = array ? rnd.nextInt(6) : 3;
            long a = array ? h.allocate(ObjectKind.REF_ARRAY, 0, length) : h.allocate(ObjectKind.SHAPED, pair.id(), 3);
            int[] refs = new int[array ? length : 2];
            for (int r = 0; r < refs.length; r++) {
                refs[r] = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(count); // forward and back edges, cycles
            }
            long raw = array ? 0 : rnd.nextLong();
            if (!array) {
                h.objects.setField(a, 2, raw);
            }
            nodes.add(new Node(h.objects.objectId(a), refs, raw, array));
            addresses.add(a);
        }
        for (int i = 0; i < count; i++) {
            int[] refs = nodes.get(i).refs();
            for (int r = 0; r < refs.length; r++) {
                h.objects.setField(addresses.get(i), r, refs[r] < 0 ? 0 : h.tags.tagPointer(addresses.get(refs[r])));
            }
        }
        int[] roots = new int[rootSlots];
        for (int s = 0; s < rootSlots; s++) {
            roots[s] = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(count);
            h.setRoot(s, roots[s] < 0 ? 0 : addresses.get(roots[s]));
        }
        return new Graph(nodes, roots);
    }

    /** Checks the heap against the model after a collection; returns survivors by id. */
    protected static Map<Long, Long> checkAgainstModel(TestHeap h, Graph g) {
        Set<Integer> reachable = g.reachable();
        Map<Long, Integer> indexById = new HashMap<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            indexById.put(g.nodes().get(i).id(), i);
        }
        Map<Long, Long> addressById = new HashMap<>();
        for (long a : h.walk().keySet()) {
            long id = h.objects.objectId(a);
            if (addressById.put(id, a) != null) {
                throw new AssertionError("object id " + id + " is in the heap twice");
            }
        }
        Set<Long> expectedIds = new HashSet<>();
        long expectedBytes = 0;
        for (int i : reachable) {
            expectedIds.add(g.nodes().get(i).id());
        }
        assertEquals(expectedIds, addressById.keySet(), "ids of the objects left in the heap");
        for (int i : reachable) {
            Node n = g.nodes().get(i);
            long a = addressById.get(n.id());
            expectedBytes += h.objects.cellBytes(a);
            for (int r = 0; r < n.refs().length; r++) {
                long word = h.objects.field(a, r);
                long expected = n.refs()[r] < 0 ? 0 : g.nodes().get(n.refs()[r]).id();
                long actual = word == 0 ? 0 : h.objects.objectId(h.tags.untag(word));
                assertEquals(expected, actual, "field " + r + " of " + h.objects.describe(a));
            }
            if (!n.array()) {
                assertEquals(n.raw(), h.objects.field(a, 2), "raw word of " + h.objects.describe(a));
            }
        }
        for (int s = 0; s < g.roots().length; s++) {
            long expected = g.roots()[s] < 0 ? 0 : g.nodes().get(g.roots()[s]).id();
            long address = h.root(s);
            assertEquals(expected, address == 0 ? 0 : h.objects.objectId(address), "root slot " + s);
        }
        assertEquals(expectedBytes, h.collector.usage().usedBytes(), "used bytes after collection");
        assertEquals(reachable.size(), h.collector.liveObjects(), "live objects counted");
        return addressById;
    }

    @Test
    void survivorsAreExactlyTheReachableObjects_withTheirIdsAndFields_andUsedBytesEqualReachableBytes() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, count) -> {
            try (TestHeap h = new TestHeap(newCollector(), 1 << 20, 8)) {
                Graph g = buildRandomGraph(h, new Random(seed), count, 8);
                h.collect();
                checkAgainstModel(h, g);
                h.collect(); // a second collection over the survivors changes nothing
                checkAgainstModel(h, g);
            }
        });
    }

    @Test
    void freedSpaceIsReusedAndCoalescesIntoOneBlock() {
        try (TestHeap h = new TestHeap(newCollector(), 256 << 10, 1)) {
            for (int round = 0; round < 5; round++) {
                int allocated = 0;
                while (h.allocate(ObjectKind.RAW_ARRAY, 0, 14) != 0) {
                    allocated++;
                }
                assertTrue(allocated > 1000, "round " + round + " allocated only " + allocated);
                h.collect();
                assertEquals(0, h.collector.usage().usedBytes());
                assertEquals(256 << 10, h.collector.usage().largestFreeBytes(), "dead space coalesces into one block");
            }
        }
    }

    @Test
    void largeObjectsAreAllocatedKeptAndReclaimed() {
        try (TestHeap h = new TestHeap(newCollector(), 1 << 20, 1)) {
            long big = h.allocate(ObjectKind.RAW_ARRAY, 0, 50_000);
            assertNotEquals(0, big);
            h.objects.setField(big, 49_999, 42);
            h.setRoot(0, big);
            h.collect();
            assertEquals(h.objects.objectBytes(50_000), h.collector.usage().usedBytes());
            assertEquals(42, h.objects.field(h.root(0), 49_999));
            h.setRoot(0, 0);
            h.collect();
            assertEquals(0, h.collector.usage().usedBytes());
        }
    }

    @Test
    void aRootIntoFreedMemoryFailsNamingTheSlot() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 2)) {
            long a = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            h.collect(); // a is unreachable: its memory becomes free (and poisoned)
            h.setRoot(1, a);
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("root slot at byte 8"), e.getMessage());
        }
    }

    @Test
    void anInteriorPointerInAFieldFailsNamingTheObjectAndField() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            long arr = h.allocate(ObjectKind.REF_ARRAY, 0, 2);
            long target = h.allocate(ObjectKind.RAW_ARRAY, 0, 4);
            h.objects.setField(arr, 1, h.tags.tagPointer(h.objects.fieldAddress(target, 0)));
            h.setRoot(0, arr);
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("field 1 of object #1 REF_ARRAY"), e.getMessage());
        }
    }

    /**
     * Regression (issue 8, defect 5): an interior pointer whose target word happens to look like an
     * object header (here a raw word equal to a one-word box's status word) must still be refused in
     * debug mode, naming the field and the object it points into, before any mark bit is set inside
     * another object's data.
     */
    @Test
    void anInteriorPointerToAWordThatLooksLikeAHeaderIsRefusedNamingTheFieldAndItsTarget() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            long arr = h.allocate(ObjectKind.REF_ARRAY, 0, 2);
            long target = h.allocate(ObjectKind.RAW_ARRAY, 0, 4);
            h.objects.setField(target, 0, HeaderLayout.statusWord(ObjectKind.BOXED_LONG, 0, 1)); // a header look-alike
            long interior = h.objects.fieldAddress(target, 0);
            assertEquals(null, h.objects.whyNotObject(interior), "the interior word passes a header check");
            h.objects.setField(arr, 1, h.tags.tagPointer(interior));
            h.setRoot(0, arr);
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("field 1 of object #1 REF_ARRAY"), e.getMessage());
            assertTrue(e.getMessage().contains("byte 16 inside object #2 RAW_ARRAY")
                    && e.getMessage().contains("not an object start"), e.getMessage());
        }
    }

    @Test
    void aRootToTheHeapsLimitIsOutsideTheHeap() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            h.setRoot(0, h.objects.limit());
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, h::collect);
            assertTrue(e.getMessage().contains("is outside the heap"), e.getMessage());
        }
    }

    /** A refill asks for more than any free chunk holds: the collector says no (the runtime then collects). */
    @Test
    void aRefillLargerThanEveryFreeChunkIsRefused() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            assertTrue(h.refill(4096));
            assertTrue(!h.refill(128 << 10), "a 128 KiB buffer from a 64 KiB heap");
            while (h.allocate(ObjectKind.RAW_ARRAY, 0, 62) != 0) {
                // fill the heap
            }
            assertTrue(!h.refill(512), "a full heap has no 512-byte chunk");
            assertEquals(0, h.collector.allocateLarge(2048), "nor a large block");
        }
    }
}
