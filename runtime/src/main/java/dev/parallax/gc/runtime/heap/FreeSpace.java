package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * Retires allocation buffers: formats a buffer's unused tail as free space so that the heap parses
 * end to end (a linear walk steps over it), then empties the buffer. The collector reclaims the tail
 * at its next sweep like any other free cell. Collectors format their own free chunks; this is only
 * the runtime's side of the TLAB contract.
 */
public final class FreeSpace {
    private FreeSpace() {
    }

    /** Formats {@code [cursor, limit)} of {@code buffer} as free space and clears the buffer. */
    public static void retire(ObjectModel objects, AllocationBuffer buffer) {
        long start = buffer.cursor();
        long end = buffer.limit();
        if (start != 0 && end > start) {
            objects.formatFree(start, end - start, 0L);
        }
        buffer.clear();
    }
}
