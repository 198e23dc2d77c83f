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

    /** A 16-byte gap is the smallest chunk: linked, so a 16-byte request finds it. */
    @Test
    void aSixteenByteGapIsALinkedChunk() {
        free.addFree(objects.base(), objects.base() + 16, false);
        assertEquals(16, free.freeBytes());
        assertEquals(objects.base(), free.allocate(16));
        assertEquals(0, free.freeBytes());
    }

    /** A refill splits a chunk whose remainder is exactly the smallest chunk, and keeps the remainder free. */
    @Test
    void aRefillSplitsOffARemainderOfExactlyTheSmallestChunk() {
        free.addFree(objects.base(), objects.base() + 4096 + 16, false);
        AllocationBuffer buffer = new AllocationBuffer();
        assertTrue(free.refill(buffer, 64, 4096));
        assertEquals(4096, buffer.remaining());
        assertEquals(objects.base() + 4096, free.allocate(16), "the 16-byte remainder");
    }

    /** With no chunk of the preferred size, refills take the largest smaller ones, each once. */
    @Test
    void refillsFromSmallerChunksNeverHandOutOneTwice() {
        long base = objects.base();
        objects.initialize(base + 2048, ObjectKind.RAW_ARRAY, 0, 7, 0);      // live separators
        objects.initialize(base + 4096 + 1024, ObjectKind.RAW_ARRAY, 0, 7, 0);
        free.addFree(base, base + 2048, false);
        free.addFree(base + 4096, base + 4096 + 1024, false);
        AllocationBuffer first = new AllocationBuffer();
        AllocationBuffer second = new AllocationBuffer();
        assertTrue(free.refill(first, 100, 32 << 10));
        assertTrue(free.refill(second, 100, 32 << 10));
        assertEquals(base, first.cursor(), "the 2 KiB chunk first");
        assertEquals(base + 4096, second.cursor(), "then the 1 KiB one, not the same chunk again");
        assertFalse(free.refill(new AllocationBuffer(), 100, 32 << 10));
    }

    /** Taking a chunk from the middle of its class's list relinks the list around it. */
    @Test
    void takingAChunkBehindTheHeadOfItsClassRelinksTheList() {
        long base = objects.base();
        objects.initialize(base + 56, ObjectKind.RAW_ARRAY, 0, 7, 0);
        free.addFree(base, base + 56, false);                  // class 32..63: 56 bytes
        free.addFree(base + 128, base + 176, false);           // 48 bytes, now the head of the class
        long a = free.allocate(56);
        assertEquals(base, a);
        assertEquals(base + 128, free.allocate(48));
        assertEquals(0, free.allocate(56), "the 56-byte chunk was taken once");
    }

    @Test
    void freedMemoryIsPoisonedOnlyWhenAsked() {
        long base = objects.base();
        objects.store(base + 64, 42);
        free.addFree(base, base + 128, false);
        assertEquals(42, objects.load(base + 64));
        free.clear();
        free.addFree(base, base + 128, true);
        assertEquals(dev.parallax.gc.api.collector.CollectionScope.POISON, objects.load(base + 64));
    }

    /**
     * Regression (found by the mutation run): a preferred size that is not a power of two shares its
     * size class with smaller chunks. With only a 40 KiB chunk free and a 48 KiB preference, a refill
     * that needs 100 bytes must take the 40 KiB chunk (same class, smaller than preferred), not fail.
     */
    @Test
    void aRefillTakesAChunkOfThePreferredSizesClassThatIsSmallerThanPreferred() {
        free.addFree(objects.base(), objects.base() + (40 << 10), false);
        AllocationBuffer buffer = new AllocationBuffer();
        assertTrue(free.refill(buffer, 100, 48 << 10));
        assertEquals(40 << 10, buffer.remaining());
    }

    /** In the request's own class only a chunk that holds the request is taken, not a smaller head. */
    @Test
    void aSmallerHeadOfTheRequestsOwnClassIsPassedOver() {
        long base = objects.base();
        objects.initialize(base + 120, ObjectKind.RAW_ARRAY, 0, 7, 0);
        free.addFree(base, base + 120, false);                  // class 64..127: 120 bytes
        free.addFree(base + 256, base + 336, false);            // 80 bytes: the head of the class, too small
        AllocationBuffer buffer = new AllocationBuffer();
        assertTrue(free.refill(buffer, 100, 32 << 10));
        assertEquals(base, buffer.cursor());
        assertEquals(120, buffer.remaining());
    }

    /** The last resort scans the smallest fitting class chunk by chunk, and takes a chunk once. */
    @Test
    void smallChunksOfTheRequestsOwnClassAreTakenOnceEach() {
        long base = objects.base();
        objects.initialize(base + 120, ObjectKind.RAW_ARRAY, 0, 7, 0);
        free.addFree(base, base + 120, false);                  // class 64..127: 120 bytes
        AllocationBuffer first = new AllocationBuffer();
        assertTrue(free.refill(first, 100, 32 << 10));
        assertEquals(base, first.cursor());
        assertFalse(free.refill(new AllocationBuffer(), 100, 32 << 10), "the one chunk is gone");
    }
}
