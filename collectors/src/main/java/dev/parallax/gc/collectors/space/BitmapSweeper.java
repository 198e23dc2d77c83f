package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.collectors.trace.MarkBitmap;

/**
 * Sweeps a heap marked in a {@link MarkBitmap}: jumps from marked object to marked object through
 * the bitmap, reading only live objects' headers (for their size), and makes every gap between them
 * (dead objects, old free chunks, fillers) one free chunk of the {@link FreeList}; then clears the
 * bitmap. Dead objects are never read, so the cost is one bitmap word per 512 bytes of heap plus
 * one header per live object, whatever the heap's size.
 *
 * <p>Leaves the heap parsable (every gap is formatted) and the free lists holding exactly the
 * gaps.
 */
public final class BitmapSweeper {
    private final ObjectModel objects;
    private final FreeList free;
    private final MarkBitmap marks;

    public BitmapSweeper(ObjectModel objects, FreeList free, MarkBitmap marks) {
        this.objects = objects;
        this.free = free;
        this.marks = marks;
    }

    /** Rebuilds the free lists from the gaps between marked objects. With {@code poison}, freed memory is overwritten. */
    public void sweep(boolean poison) {
        free.clear();
        long limit = objects.limit();
        long cursor = objects.base();  // end of the last live object
        for (long live = marks.nextMarked(cursor); live < limit; live = marks.nextMarked(cursor)) {
            free.addFree(cursor, live, poison);
            cursor = live + objects.cellBytes(live);
        }
        free.addFree(cursor, limit, poison);
        marks.clearAll();
    }
}
