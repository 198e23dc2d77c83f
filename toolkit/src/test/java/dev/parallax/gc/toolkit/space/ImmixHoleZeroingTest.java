package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.toolkit.SpacesHeap;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Immix space zeroing ahead, its hole zeroer racing a mutator that fills recyclable blocks.
 * Invariants: a hole handed out as zero is zero (past its free-cell header); the zeroer never
 * writes a block once it is handed out (the fields of the objects a round kept survive every later
 * round); the heap parses after every collection.
 */
class ImmixHoleZeroingTest {
    private static final long GARBAGE = 0x5A5A_5A5A_5A5A_5A5AL;

    @Test
    void holesHandedOutAsZeroAreZeroAndTheZeroerNeverWritesATakenBlock() {
        try (SpacesHeap h = new SpacesHeap(8L << 20, 1, Arena.ofShared())) {
            ImmixSpace immix = h.add(new ImmixSpace((byte) 1, "immix", h.pages));
            assertTrue(immix.zeroAhead(64, "test-zeroer"));
            try {
                Shape node = h.shapes.define("Node", 4, 0);   // next, then three raw words
                ImmixAllocator allocator = new ImmixAllocator(immix);
                AllocationBuffer buffer = new AllocationBuffer();
                Random random = new Random(42);
                int[] zeroedHoles = new int[1];
                for (int round = 0; round < 40; round++) {
                    int r = round;
                    long kept = h.root(0);
                    for (int i = 0; i < 20_000; i++) {
                        long object = h.allocate(buffer, bytes -> {
                            if (!allocator.refill(buffer, bytes)) {
                                return 0;
                            }
                            checkZero(h, buffer, r);
                            if (buffer.zeroedFrom() < buffer.limit()
                                    && (buffer.cursor() - h.objects.base()) % ImmixSpace.BLOCK_BYTES != 0) {
                                zeroedHoles[0]++;   // a hole inside a recyclable block, handed out zero
                            }
                            return 1;
                        }, ObjectKind.SHAPED, node.id(), 4);
                        assertTrue(object != 0, "round " + round + ": the heap has room");
                        for (int w = 1; w < 4; w++) {
                            h.objects.setField(object, w, GARBAGE);   // dead objects leave garbage in the holes
                        }
                        if (random.nextInt(8) == 0) {   // one in eight survives, chained from the root
                            h.writeRef(object, 0, kept);
                            kept = object;
                        }
                    }
                    h.setRoot(0, kept);
                    h.retire(buffer);
                    if (round % 4 == 3) {
                        h.setRoot(0, 0);   // now and then everything dies, so blocks empty and come back fresh
                    }
                    immix.returnReserve();   // as a plan does first in a pause
                    h.collect();
                    immix.fillReserve(h.pages.freePages() / 4);   // and last
                    allocator.reset();
                    h.walk();
                    for (long o = h.root(0); o != 0; o = h.readRef(o, 0)) {
                        for (int w = 1; w < 4; w++) {
                            assertEquals(GARBAGE, h.objects.field(o, w),
                                    String.format("round %d: a field of kept object 0x%x changed", round, o));
                        }
                    }
                }
                assertTrue(zeroedHoles[0] > 0, "the hole zeroer got ahead at least once");
            } finally {
                immix.closeReserve();
            }
        }
    }

    private static void checkZero(SpacesHeap h, AllocationBuffer buffer, int round) {
        long from = Math.max(buffer.cursor(), Math.min(buffer.zeroedFrom(), buffer.limit()));
        if (from < buffer.limit()) {
            assertEquals(buffer.cursor() + ConcurrentZeroer.HEADER_BYTES, from, "zero from past the cell header");
        }
        for (long a = from; a < buffer.limit(); a += 8) {
            assertEquals(0L, h.objects.heap().get(ValueLayout.JAVA_LONG, a - h.objects.base()), String.format(
                    "round %d: the buffer at 0x%x was handed out as zero from 0x%x, but 0x%x is not", round, buffer.cursor(), from, a));
        }
    }
}
