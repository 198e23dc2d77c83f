package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.toolkit.SpacesHeap;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy space's forwarding protocol under a real race: two threads trace the same nursery
 * objects in the same order at the same time, so they meet on almost every object. Invariant: each
 * object is copied exactly once (one thread queues it), both threads get that one copy's address,
 * and the copy holds the object (its id, its raw word).
 */
class ParallelCopyingTest {
    private static final int OBJECTS = 2_000;
    private static final int ROUNDS = 40;

    @Test
    void twoTracersRacingForEveryObjectCopyEachOnceAndAgreeOnTheCopy() throws Exception {
        try (SpacesHeap h = new SpacesHeap(16 << 20, 1, Arena.ofShared())) {
            CopySpace nursery = new CopySpace((byte) 1, "nursery", h.pages);
            ImmixSpace mature = new ImmixSpace((byte) 2, "mature", h.pages);
            ImmixSpace.PromotionTarget[] targets = {mature.promotionTarget(), mature.promotionTarget()};
            nursery.copyTo(targets);
            nursery.parallelCopying(true);
            int pair = h.shapes.define("Pair", 3, 0, 1).id();
            AllocationBuffer buffer = new AllocationBuffer();
            for (int round = 0; round < ROUNDS; round++) {
                long[] objects = allocate(h, nursery, buffer, pair, round);
                long[] ids = new long[OBJECTS];
                for (int i = 0; i < OBJECTS; i++) {
                    ids[i] = h.objects.objectId(objects[i]);
                }
                nursery.prepare();
                long[][] seen = new long[2][OBJECTS];
                AtomicLong queued = new AtomicLong();
                race(nursery, objects, seen, queued);
                for (var target : targets) {
                    target.close();
                }
                nursery.release();
                assertEquals(OBJECTS, queued.get(), "round " + round + ": every object queued exactly once");
                assertEquals(OBJECTS * h.objects.objectBytes(3), nursery.copiedBytes(),
                        "round " + round + ": the bytes copied out count each copy once");
                for (int i = 0; i < OBJECTS; i++) {
                    assertEquals(seen[0][i], seen[1][i], "round " + round + ": both tracers got the same copy of object " + i);
                    assertNotEquals(objects[i], seen[0][i], "object " + i + " was copied");
                    assertEquals(ids[i], h.objects.objectId(seen[0][i]), "the copy of object " + i + " is that object");
                    assertEquals(1000L * round + i, h.objects.field(seen[0][i], 2), "the copy of object " + i + " holds its raw word");
                }
            }
        }
    }

    /**
     * The same race when the copy targets run out of room part way: an object is then either copied
     * (both tracers got the one copy) or kept in place (both got its own address, and it is queued
     * once), never both; every object is queued exactly once.
     */
    @Test
    void whenTheTargetsRunOutEachObjectIsCopiedOrKeptNeverBoth() throws Exception {
        try (SpacesHeap h = new SpacesHeap(16 << 20, 1, Arena.ofShared())) {
            CopySpace nursery = new CopySpace((byte) 1, "nursery", h.pages);
            ImmixSpace mature = new ImmixSpace((byte) 2, "mature", h.pages);
            int pair = h.shapes.define("Pair", 3, 0, 1).id();
            AllocationBuffer buffer = new AllocationBuffer();
            for (int round = 0; round < ROUNDS; round++) {
                ImmixSpace.PromotionTarget[] promotions = {mature.promotionTarget(), mature.promotionTarget()};
                CopyTarget[] targets = new CopyTarget[2];
                for (int w = 0; w < 2; w++) {
                    var promotion = promotions[w];
                    AtomicLong left = new AtomicLong(OBJECTS / 4);   // each worker copies at most a quarter
                    targets[w] = bytes -> left.getAndDecrement() > 0 ? promotion.allocateCopy(bytes) : 0;
                }
                nursery.copyTo(targets);
                nursery.parallelCopying(true);
                long[] objects = allocate(h, nursery, buffer, pair, round);
                nursery.prepare();
                long[][] seen = new long[2][OBJECTS];
                AtomicLong queued = new AtomicLong();
                race(nursery, objects, seen, queued);
                long kept = 0;
                for (int i = 0; i < OBJECTS; i++) {
                    assertEquals(seen[0][i], seen[1][i], "round " + round + ": both tracers got the same address for object " + i);
                    if (seen[0][i] == objects[i]) {
                        kept++;
                        assertTrue(nursery.isLive(objects[i]), "object " + i + " kept in place is pinned");
                        assertEquals(ObjectKind.SHAPED, h.objects.kind(objects[i]), "object " + i + " kept its header");
                    } else {
                        assertEquals(HeaderLayout.forwardingWord(seen[0][i]), h.objects.status(objects[i]),
                                "object " + i + " forwards to its one copy");
                    }
                }
                assertEquals(OBJECTS, queued.get(), "round " + round + ": every object queued exactly once");
                assertTrue(kept > 0 && kept < OBJECTS, "round " + round + ": some objects copied, some kept (" + kept + " kept)");
                assertEquals((OBJECTS - kept) * h.objects.objectBytes(3), nursery.copiedBytes(),
                        "round " + round + ": the bytes copied out count the copies, not the objects kept in place");
                for (var promotion : promotions) {
                    promotion.close();
                }
                nursery.release();
            }
        }
    }

    /** {@link #OBJECTS} pairs in the nursery, the raw word of pair {@code i} being {@code 1000 * round + i}. */
    private static long[] allocate(SpacesHeap h, CopySpace nursery, AllocationBuffer buffer, int pair, int round) {
        long[] objects = new long[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            objects[i] = h.allocate(buffer, bytes -> nursery.refill(buffer, bytes, 4096) ? 1 : 0, ObjectKind.SHAPED, pair, 3);
            h.objects.setField(objects[i], 2, 1000L * round + i);
        }
        h.retire(buffer);
        return objects;
    }

    /** Two tracers, this thread and another, trace every object in the same order at once; {@code seen[w]} gets worker w's addresses. */
    private static void race(CopySpace nursery, long[] objects, long[][] seen, AtomicLong queued) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(2);
        Thread other = new Thread(() -> race(nursery, objects, seen[1], queued, 1, start));
        other.start();
        race(nursery, objects, seen[0], queued, 0, start);
        other.join();
    }

    /** One tracer: traces every object in order, recording the address it got and counting what it queued. */
    private static void race(CopySpace nursery, long[] objects, long[] seen, AtomicLong queued, int worker,
                             CyclicBarrier start) {
        TraceQueue queue = new TraceQueue() {
            @Override
            public void enqueue(long object) {
                queued.incrementAndGet();
            }

            @Override
            public int worker() {
                return worker;
            }
        };
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < objects.length; i++) {
            seen[i] = nursery.traceObject(objects[i], queue);
        }
    }
}
