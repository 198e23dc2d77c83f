package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.toolkit.space.ConcurrentZeroer;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A free-list space zeroing ahead, under a real race with its zeroer thread. Invariants: a buffer
 * handed out as zero is zero (past its free-cell header); the zeroer never writes a buffer once it
 * is handed out; a rebuild puts every chunk not handed out back into the lists, so that free bytes
 * and handed-out bytes add up to the heap and the heap parses; a large allocation the lists cannot
 * serve gets the zeroer's chunks back.
 */
class FreeListZeroingTest {
    private static final long HEAP = 4L << 20;
    private static final long TLAB = 32L << 10;
    private static final long PATTERN = 0x5A5A_5A5A_5A5A_5A5AL;

    @Test
    void buffersHandedOutAsZeroAreZeroAndNoneIsWrittenOnceHandedOut() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment heap = arena.allocate(HEAP, 4096);
            heap.fill((byte) 0x77);   // old objects' garbage everywhere
            ObjectModel objects = new ObjectModel(heap, new ShapeTable(), false, false);
            FreeListSpace space = new FreeListSpace(objects);
            assertTrue(space.zeroAhead(64, "test-zeroer"));
            try {
                int zeroedSeen = 0;
                for (int round = 0; round < 100; round++) {
                    List<long[]> taken = new ArrayList<>();
                    AllocationBuffer buffer = new AllocationBuffer();
                    for (int i = 0; i < 40 && space.refill(buffer, 64, TLAB); i++) {
                        if (i == 1 && round % 10 == 9) {
                            pause();   // now and then the zeroer gets well ahead (it may wake late)
                        }
                        long start = buffer.cursor();
                        long end = buffer.limit();
                        long zeroFrom = Math.max(start, Math.min(buffer.zeroedFrom(), end));
                        if (zeroFrom < end) {
                            zeroedSeen++;
                            assertEquals(start + ConcurrentZeroer.HEADER_BYTES, zeroFrom, "zero from past the header");
                        }
                        for (long a = zeroFrom; a < end; a += 8) {
                            assertEquals(0L, word(objects, a), String.format(
                                    "round %d: buffer 0x%x was handed out as zero from 0x%x, but 0x%x is not", round, start, zeroFrom, a));
                        }
                        for (long a = start; a < end; a += 8) {
                            objects.store(a, PATTERN);   // the mutator's objects
                        }
                        taken.add(new long[] {start, end});
                        buffer.clear();
                    }
                    space.beginRebuild();   // a pause: the zeroer's chunks go back into the lists
                    for (long[] t : taken) {
                        for (long a = t[0]; a < t[1]; a += 8) {
                            assertEquals(PATTERN, word(objects, a), String.format(
                                    "round %d: 0x%x changed after buffer 0x%x was handed out", round, a, t[0]));
                        }
                        space.list().addFree(t[0], t[1], false);   // as the sweep frees them
                    }
                    assertEquals(HEAP, space.list().freeBytes(), "round " + round + ": every free byte is in the lists");
                    assertParses(objects);
                    space.endRebuild();
                }
                assertTrue(zeroedSeen > 0, "the zeroer got ahead at least once");
            } finally {
                space.closeZeroer();
            }
        }
    }

    @Test
    void aLargeAllocationGetsTheZeroersChunksBackAndTheAccountCountsThemFree() {
        try (Arena arena = Arena.ofShared()) {
            ObjectModel objects = new ObjectModel(arena.allocate(HEAP, 4096), new ShapeTable(), false, false);
            FreeListSpace space = new FreeListSpace(objects);
            assertTrue(space.zeroAhead(256, "test-zeroer"));
            try {
                AllocationBuffer buffer = new AllocationBuffer();
                assertTrue(space.refill(buffer, 64, TLAB));   // carves the whole heap into the zeroer's chunks
                long handedOut = buffer.limit() - buffer.cursor();
                assertTrue(space.list().freeBytes() < TLAB, "the lists keep less than a buffer: " + space.list().freeBytes());
                assertEquals(HEAP - handedOut, space.freeBytes(), "the zeroer's chunks count as free");
                assertEquals(HEAP - handedOut, space.usage().freeBytes());
                long large = space.allocate(HEAP / 2);
                assertNotEquals(0, large, "half the heap is free, though all of it in the zeroer's chunks");
                assertEquals(HEAP - handedOut - HEAP / 2, space.freeBytes());
            } finally {
                space.closeZeroer();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long word(ObjectModel objects, long address) {
        return objects.heap().get(ValueLayout.JAVA_LONG, address - objects.base());
    }

    /** Every byte of the heap lies in a cell whose header gives its size (no hole, no overlap). */
    private static void assertParses(ObjectModel objects) {
        long a = objects.base();
        while (a < objects.limit()) {
            long bytes = objects.cellBytes(a);
            assertTrue(bytes > 0 && a + bytes <= objects.limit(), String.format("cell at 0x%x has %d bytes", a, bytes));
            a += bytes;
        }
        assertEquals(objects.limit(), a);
    }
}
