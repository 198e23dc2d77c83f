package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The free list's allocation policies: refills prefer a chunk of the preferred size; large objects go to the top. */
class FreeListTest {
    private static final long HEAP = 1 << 20;
    private final Arena arena = Arena.ofConfined();
    private final ObjectModel objects = new ObjectModel(arena.allocate(HEAP, 4096), new ShapeTable(), false, false);
    private final FreeList free = new FreeList(objects);

    @AfterEach
    void close() {
        arena.close();
    }

    /** The heap as after a sweep that left a 48-byte hole every 96 bytes in its first half, and the second half free. */
    private void holesThenOneBigChunk() {
        long base = objects.base();
        long half = base + HEAP / 2;
        for (long a = base; a < half; a += 96) {
            objects.initialize(a, ObjectKind.RAW_ARRAY, 0, 5, 0);   // a live 48-byte object
            free.addFree(a + 48, a + 96, false);                     // a 48-byte hole after it
        }
        free.addFree(half, objects.limit(), false);
    }

    @Test
    void aRefillTakesThePreferredSizeWhileALargeChunkIsFreeNotAHole() {
        holesThenOneBigChunk();
        AllocationBuffer buffer = new AllocationBuffer();
        assertTrue(free.refill(buffer, 48, 32 << 10));
        assertEquals(32 << 10, buffer.remaining(), "the 512 KiB chunk, not a 48-byte hole");
        assertTrue(buffer.cursor() >= objects.base() + HEAP / 2);
    }

    @Test
    void onceTheLargeChunksAreGoneRefillsUseTheBiggestChunksLeftThenTheHoles() {
        holesThenOneBigChunk();
        AllocationBuffer buffer = new AllocationBuffer();
        int refills = 0;
        while (free.refill(buffer, 48, 32 << 10) && buffer.remaining() == 32 << 10) {
            refills++;
        }
        assertEquals(HEAP / 2 / (32 << 10), refills, "the big chunk is carved into whole buffers first");
        assertEquals(48, buffer.remaining(), "then a hole: smaller than preferred, at least the minimum");
        assertFalse(free.refill(buffer, 64, 32 << 10), "no chunk holds 64 bytes");
    }

    @Test
    void aLargeObjectIsCarvedFromTheTopOfItsChunk() {
        free.addFree(objects.base(), objects.limit(), false);
        long large = free.allocate(100_000);
        assertEquals(objects.limit() - 100_000, large, "at the top of the heap");
        AllocationBuffer buffer = new AllocationBuffer();
        assertTrue(free.refill(buffer, 48, 32 << 10));
        assertEquals(objects.base(), buffer.cursor(), "buffers still start at the bottom");
        assertEquals(HEAP - 100_000 - (32 << 10), free.freeBytes());
    }

    @Test
    void aRefillWithNoChunkOfThePreferredSizeTakesTheLargestOneThatFits() {
        long base = objects.base();
        free.addFree(base, base + 256, false);
        objects.initialize(base + 256, ObjectKind.RAW_ARRAY, 0, 1, 0);
        free.addFree(base + 272, base + 272 + 4096, false);
        objects.initialize(base + 272 + 4096, ObjectKind.RAW_ARRAY, 0, 1, 0);
        free.addFree(base + 4384, base + 4384 + 1024, false);
        objects.initialize(base + 5408, ObjectKind.RAW_ARRAY, 0, (HEAP - 5408) / 8 - 1, 0);
        AllocationBuffer buffer = new AllocationBuffer();
        assertTrue(free.refill(buffer, 48, 32 << 10));
        assertEquals(base + 272, buffer.cursor(), "the 4 KiB chunk, the largest below the preferred size");
        assertEquals(4096, buffer.remaining());
    }
}
