package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeapWalkTest {
    private final Heap heap = TestRuntimes.heap(64 * 1024);
    private final ObjectModel objects = heap.objects();

    @AfterEach
    void close() {
        heap.close();
    }

    @Test
    void resolvesStartsAndInteriorAddressesOfObjectsOnly() {
        long base = objects.base();
        objects.initialize(base, ObjectKind.RAW_ARRAY, 0, 4, 1);             // [base, base+48)
        AllocationBuffer buffer = new AllocationBuffer();                       // a buffer [base+48, base+4096)
        buffer.reset(base + 48, base + 4096);
        long boxed = buffer.tryBump(24);
        objects.initialize(boxed, ObjectKind.BOXED_LONG, 0, 1, 2);
        FreeSpace.retire(objects, buffer);                                      // the tail becomes free
        objects.formatFree(base + 4096, objects.limit() - base - 4096, 0);

        assertEquals(base, HeapWalk.objectContaining(objects, base));
        assertEquals(base, HeapWalk.objectContaining(objects, base + 47));
        assertEquals(boxed, HeapWalk.objectContaining(objects, boxed + 16));
        assertEquals(0, HeapWalk.objectContaining(objects, boxed + 24), "the retired tail is free");
        assertEquals(boxed + 24, HeapWalk.cellContaining(objects, boxed + 100));
        assertEquals(0, HeapWalk.objectContaining(objects, objects.limit()));
        assertEquals(0, HeapWalk.objectContaining(objects, base - 8));
    }

    @Test
    void aCorruptHeaderMakesTheRestUnresolvableInsteadOfThrowing() {
        long base = objects.base();
        objects.initialize(base, ObjectKind.RAW_ARRAY, 0, 2, 1);
        objects.setStatus(base + 32, 0xEL);                                     // no kind has code 14
        assertEquals(base, HeapWalk.objectContaining(objects, base + 8));
        assertEquals(0, HeapWalk.objectContaining(objects, base + 40));
        objects.setStatus(base + 32, (0xFFFF_FFFFL << 32) | ObjectKind.FREE.code()); // runs past the end
        assertEquals(0, HeapWalk.objectContaining(objects, base + 40));
    }
}
