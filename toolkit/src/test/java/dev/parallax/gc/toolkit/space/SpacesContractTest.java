package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.toolkit.SpacesHeap;
import dev.parallax.gc.toolkit.trace.ParallelTrace;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Each space, and spaces combined, against an independent model: random object graphs are built in
 * the heap and as plain Java adjacency lists keyed by object id; after collections the heap parses,
 * holds exactly the objects the model finds reachable (by id), each with its raw word and its
 * references (by id), and the roots name them wherever they now are.
 */
class SpacesContractTest {
    private static final int ROOTS = 6;

    /** A model object: its id, its referents' ids (0 = null), its raw word. */

    /** How a test heap allocates small and large objects, and what it does after a collection. */
    private interface Allocation {
        boolean refill(AllocationBuffer buffer, long bytes);   // false when full

        long large(long bytes);   // a large object's address; 0 when full

        default void afterCollection() {
        }
    }


    /** Builds random objects (pairs, arrays, now and then a large array) linked at random; some become roots. */
    private static void grow(SpacesHeap h, AllocationBuffer buffer, Allocation allocation, Random rnd, ModelGraph g,
                             int count) {
        Shape pair = h.shapes.define("Pair", 3, 0, 1);
        List<Long> ids = new ArrayList<>(g.nodes.keySet());
        for (int i = 0; i < count; i++) {
            long a;
            int refs;
            if (rnd.nextInt(40) == 0) {
                refs = 1000 + rnd.nextInt(2000);
                long address = allocation.large(h.objects.objectBytes(refs));
                a = address == 0 ? 0 : h.format(address, ObjectKind.REF_ARRAY, 0, refs);
            } else if (rnd.nextInt(4) == 0) {
                refs = rnd.nextInt(6);
                a = h.allocate(buffer, bytes -> allocation.refill(buffer, bytes) ? 1 : 0, ObjectKind.REF_ARRAY, 0, refs);
            } else {
                refs = 2;
                a = h.allocate(buffer, bytes -> allocation.refill(buffer, bytes) ? 1 : 0, ObjectKind.SHAPED, pair.id(), 3);
            }
            if (a == 0) {
                return;
            }
            long id = h.objects.objectId(a);
            long raw = rnd.nextLong();
            if (refs == 2 && h.objects.kind(a) == ObjectKind.SHAPED) {
                h.objects.setField(a, 2, raw);
            } else {
                raw = 0;
            }
            g.nodes.put(id, new ModelGraph.Node(id, new long[Math.min(refs, 8)], raw, h.objects.cellBytes(a)));
            ids.add(id);
        }
        h.retire(buffer);   // the heap parses only with the buffer's unused tail formatted
        Map<Long, Long> addresses = h.walk();
        g.wireRandomly(h, rnd, ids, addresses);
    }

    /** The heap holds exactly the reachable objects, intact; unreachable ones leave the model. */
    private static void check(SpacesHeap h, ModelGraph g) {
        Set<Long> reachable = g.reachable();
        Map<Long, Long> addresses = h.walk();
        assertEquals(reachable, addresses.keySet(), "the heap holds exactly the reachable objects");
        checkIntact(h, g, reachable, addresses);
        g.nodes.keySet().retainAll(reachable);
    }

    /**
     * Every reachable object (found at {@code addresses}, by id) has its model's fields, each naming
     * the one copy of its target, and its raw word; the roots name the model's objects.
     */
    private static void checkIntact(SpacesHeap h, ModelGraph g, Set<Long> reachable, Map<Long, Long> addresses) {
        for (long id : reachable) {
            ModelGraph.Node n = g.nodes.get(id);
            long a = addresses.get(id);
            for (int f = 0; f < n.refs().length; f++) {
                long t = h.readRef(a, f);
                assertEquals(n.refs()[f], t == 0 ? 0 : h.objects.objectId(t), "object #" + id + " field " + f);
                if (t != 0) {
                    assertEquals(addresses.get(n.refs()[f]), t, "object #" + id + " field " + f + " names the copy");
                }
            }
            if (n.raw() != 0) {
                assertEquals(n.raw(), h.objects.field(a, 2), "object #" + id + " raw word");
            }
        }
        for (int s = 0; s < ROOTS; s++) {
            long r = h.root(s);
            assertEquals(g.roots[s], r == 0 ? 0 : h.objects.objectId(r), "root " + s);
        }
    }

    /** Several rounds of growth and collection on a fresh heap set up by {@code setUp}. */
    private static void rounds(long seed, Consumer<SpacesHeap> collect, java.util.function.Function<SpacesHeap, Allocation> setUp) {
        rounds(seed, collect, setUp, java.lang.foreign.Arena.ofConfined());
    }

    /** As above on a heap in {@code arena} (shared, when GC workers read it from their own threads). */
    private static void rounds(long seed, Consumer<SpacesHeap> collect, java.util.function.Function<SpacesHeap, Allocation> setUp,
                               java.lang.foreign.Arena arena) {
        rounds(seed, collect, setUp, arena, 300);
    }

    /**
     * As above, each round growing at least {@code growth} objects: a parallel trace needs thousands
     * to outlast waking the second worker, so that the second worker's share can be checked.
     */
    private static void rounds(long seed, Consumer<SpacesHeap> collect, java.util.function.Function<SpacesHeap, Allocation> setUp,
                               java.lang.foreign.Arena arena, int growth) {
        try (SpacesHeap h = new SpacesHeap(4 << 20, ROOTS, arena)) {
            Allocation allocation = setUp.apply(h);
            AllocationBuffer buffer = new AllocationBuffer();
            Random rnd = new Random(seed);
            ModelGraph g = new ModelGraph(ROOTS);
            for (int round = 0; round < 6; round++) {
                grow(h, buffer, allocation, rnd, g, growth + rnd.nextInt(5 * growth / 3));
                h.retire(buffer);
                collect.accept(h);
                allocation.afterCollection();
                check(h, g);
            }
        }
    }

    @Test
    void aSemispaceCopiesExactlyTheReachableObjects() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> rounds(seed, SpacesHeap::collect, h -> {
            CopySpace copy = h.add(new CopySpace((byte) 1, "semispace", h.pages));
            LargeObjectSpace los = h.add(new LargeObjectSpace((byte) 2, "los", h.pages));
            return new Allocation() {
                public boolean refill(AllocationBuffer buffer, long bytes) {
                    return copy.refill(buffer, bytes, 4096);
                }

                public long large(long bytes) {
                    return los.allocate(bytes);
                }
            };
        }));
    }

    @Test
    void immixMarksInPlaceAndRecyclesHoles() {
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> rounds(seed, SpacesHeap::collect,
                h -> immix(h, new ImmixSpace[1])));
    }

    @Test
    void immixWithEvacuationMovesObjectsOutOfSparseBlocksAndKeepsTheGraph() {
        long[] evacuated = new long[1];
        qt().withExamples(30).forAll(longs().all()).checkAssert(seed -> {
            ImmixSpace[] space = new ImmixSpace[1];
            rounds(seed, h -> {
                h.collect(() -> space[0].prepareDefrag(h.pages.freePages() * 4096L / 2));
                evacuated[0] += space[0].evacuated();
            }, h -> immix(h, space));
        });
        assertTrue(evacuated[0] > 0, "some collections evacuated objects");
    }

    /**
     * Both workers trace (the second one's count is checked), on a heap both threads may read. A
     * helper the operating system runs late (1.5-4 ms on this project's 2-core VM at times) finds
     * the trace over; so batches of examples run until it has scanned something, at most ten.
     */
    @Test
    void immixTracedByTwoWorkersFindsExactlyTheReachableObjects() {
        long[] bySecond = new long[1];
        for (int batch = 0; batch < 10 && (batch == 0 || bySecond[0] == 0); batch++) {
            immixTracedByTwoWorkers(bySecond);
        }
        assertTrue(bySecond[0] > 0, "the second worker scanned objects");
    }

    private static void immixTracedByTwoWorkers(long[] bySecond) {
        qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            ImmixSpace[] space = new ImmixSpace[1];
            ParallelTrace[] trace = new ParallelTrace[1];
            try {
                rounds(seed, h -> {
                    if (trace[0] == null) {
                        trace[0] = new ParallelTrace(h.objects, h.tags, h.pages, 2, "test-gc");
                        space[0].atomicMarking(true);
                    }
                    h.collectInParallel(trace[0]);
                    bySecond[0] += trace[0].scannedBy(1);
                }, h -> immix(h, space), java.lang.foreign.Arena.ofShared(), 6000);
            } finally {
                if (trace[0] != null) {
                    trace[0].close();
                }
            }
        });
    }

    /**
     * A nursery copied by two workers at once into an Immix space (a generational minor collection
     * with every old object remembered): each reachable object is copied exactly once (a heap walk
     * finds no id twice), every field and root names the one copy, nothing reachable is left in the
     * nursery. Random wiring makes many objects reachable from several fields, so the workers race
     * for them; the second worker's count is checked (batches of examples until it scanned, at most
     * ten, as above).
     */
    @Test
    void aNurseryCopiedByTwoWorkersPromotesEachReachableObjectOnce() {
        long[] bySecond = new long[1];
        for (int batch = 0; batch < 10 && (batch == 0 || bySecond[0] == 0); batch++) {
            nurseryCopiedByTwoWorkers(bySecond);
        }
        assertTrue(bySecond[0] > 0, "the second worker scanned objects");
    }

    private static void nurseryCopiedByTwoWorkers(long[] bySecond) {
        qt().withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            try (SpacesHeap h = new SpacesHeap(64 << 20, ROOTS, java.lang.foreign.Arena.ofShared());   // room to promote every round (the large-object space is never collected here)
                 ParallelTrace trace = new ParallelTrace(h.objects, h.tags, h.pages, 2, "test-gc")) {
                CopySpace nursery = new CopySpace((byte) 1, "nursery", h.pages);
                LargeObjectSpace los = new LargeObjectSpace((byte) 2, "los", h.pages);
                ImmixSpace mature = new ImmixSpace((byte) 3, "mature", h.pages);
                ImmixSpace.PromotionTarget[] targets = {mature.promotionTarget(), mature.promotionTarget()};
                nursery.copyTo(targets);
                nursery.parallelCopying(true);
                trace.tracer().collect(nursery, true);
                trace.tracer().collect(los, false);
                trace.tracer().collect(mature, false);
                Allocation allocation = new Allocation() {
                    public boolean refill(AllocationBuffer buffer, long bytes) {
                        return nursery.refill(buffer, bytes, 4096);
                    }

                    public long large(long bytes) {
                        return los.allocate(bytes);
                    }
                };
                AllocationBuffer buffer = new AllocationBuffer();
                Random rnd = new Random(seed);
                ModelGraph g = new ModelGraph(ROOTS);
                for (int round = 0; round < 6; round++) {
                    grow(h, buffer, allocation, rnd, g, 6000 + rnd.nextInt(4000));
                    h.retire(buffer);
                    List<Long> old = h.walk().values().stream().filter(a -> h.pages.ownerOf(a) != 1).toList();
                    nursery.prepare();
                    trace.trace(t -> {
                        for (long off = 0; off < h.roots.byteSize(); off += 8) {
                            t.visitSlot(h.roots, off);
                        }
                        old.forEach(t::scanObject);   // the remembered set: every old object
                    }, 2);
                    for (var target : targets) {
                        target.close();
                    }
                    nursery.release();
                    bySecond[0] += trace.scannedBy(1);
                    checkPromoted(h, g);
                }
            }
        });
    }

    /** Every reachable object once in the heap, outside the nursery, with its fields and raw word; the roots name them. */
    private static void checkPromoted(SpacesHeap h, ModelGraph g) {
        Set<Long> reachable = g.reachable();
        Map<Long, Long> addresses = h.walk();   // fails if an object was copied twice
        for (long id : reachable) {
            Long a = addresses.get(id);
            assertTrue(a != null, "reachable object #" + id + " is in the heap");
            assertNotEquals(1, h.pages.ownerOf(a), "reachable object #" + id + " left the nursery");
        }
        checkIntact(h, g, reachable, addresses);
        g.nodes.keySet().retainAll(reachable);   // the dead stay in the mature space, out of the model
    }

    /** An Immix space and a large-object space; {@code space[0]} receives the Immix space. */
    private static Allocation immix(SpacesHeap h, ImmixSpace[] space) {
        ImmixSpace immix = h.add(new ImmixSpace((byte) 1, "immix", h.pages));
        LargeObjectSpace los = h.add(new LargeObjectSpace((byte) 2, "los", h.pages));
        ImmixAllocator allocator = new ImmixAllocator(immix);
        space[0] = immix;
        return new Allocation() {
            public boolean refill(AllocationBuffer buffer, long bytes) {
                return allocator.refill(buffer, bytes);
            }

            public long large(long bytes) {
                return los.allocate(bytes);
            }

            public void afterCollection() {
                allocator.reset();
            }
        };
    }
}
