package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FreeSpaceTest {
    private final Heap heap = TestRuntimes.heap(64 * 1024);
    private final ObjectModel objects = heap.objects();

    @AfterEach
    void close() {
        heap.close();
    }

    /** Lays out [base, limit) as: one object of {@code used} bytes, then the buffer [base+used, limit). */
    private AllocationBuffer bufferAfterObject(long used, long bufferBytes) {
        long base = objects.base();
        objects.initialize(base, ObjectKind.RAW_ARRAY, 0, used / 8 - 2, 1);
        AllocationBuffer buffer = new AllocationBuffer();
        buffer.reset(base + used, base + used + bufferBytes);
        long rest = objects.limit() - (base + used + bufferBytes);
        objects.formatFree(base + used + bufferBytes, rest, 0);
        return buffer;
    }

    /** Walks the heap; returns the number of cells and fails unless the walk ends exactly at the limit. */
    private int walk() {
        int cells = 0;
        long cell = objects.base();
        while (cell < objects.limit()) {
            ObjectKind kind = objects.kind(cell);
            if (kind == null) {
                throw new AssertionError("bad header at 0x" + Long.toHexString(cell));
            }
            cell += objects.cellBytes(cell);
            cells++;
        }
        assertEquals(objects.limit(), cell);
        return cells;
    }

    @Test
    void aLargeTailBecomesOneFreeChunk() {
        AllocationBuffer buffer = bufferAfterObject(32, 4096);
        long tail = buffer.tryBump(48) + 48;
        FreeSpace.retire(objects, buffer);
        assertEquals(ObjectKind.FREE, objects.kind(tail));
        assertEquals(4096 - 48, objects.cellBytes(tail));
        assertEquals(0, objects.objectId(tail), "the free-list link is empty");
        assertEquals(0, buffer.remaining());
        assertEquals(0, buffer.tryBump(8), "a retired buffer is empty");
    }

    @Test
    void aOneWordTailBecomesAFiller() {
        AllocationBuffer buffer = bufferAfterObject(32, 64);
        objects.initialize(buffer.tryBump(56), ObjectKind.RAW_ARRAY, 0, 5, 2);
        long tail = buffer.cursor();
        FreeSpace.retire(objects, buffer);
        assertEquals(ObjectKind.FILLER, objects.kind(tail));
        assertEquals(HeaderLayout.WORD_BYTES, objects.cellBytes(tail));
        assertEquals(4, walk());   // the first object, the bumped one, the filler, the free rest
    }

    @Test
    void theHeapParsesAfterRetiringAnyTail() {
        for (long tail = 0; tail <= 64; tail += 8) {
            AllocationBuffer buffer = bufferAfterObject(16, 256);
            long objectBytes = 256 - tail;
            if (objectBytes > 0) {
                objects.initialize(buffer.tryBump(objectBytes), ObjectKind.RAW_ARRAY, 0, objectBytes / 8 - 2, 3);
            }
            FreeSpace.retire(objects, buffer);
            walk();
        }
    }

    @Test
    void anEmptyOrClearedBufferIsLeftAlone() {
        AllocationBuffer buffer = new AllocationBuffer();
        FreeSpace.retire(objects, buffer);
        assertEquals(0, buffer.cursor());
        assertThrows(IllegalArgumentException.class, () -> objects.formatFree(objects.base(), 12, 0));
    }
}
