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

    /**
     * Rebuilds the free lists from the gaps between marked objects, clearing each bitmap word as it
     * goes. With {@code poison}, freed memory is overwritten.
     */
    public void sweep(boolean poison) {
        free.clear();
        long base = objects.base();
        long cursor = base;  // the end of the last live object: everything below it is swept
        for (int w = 0, words = marks.wordCount(); w < words; w++) {
            long bits = marks.word(w);
            if (bits == 0) {
                continue;   // 512 bytes without a live object start
            }
            marks.clearWord(w);
            long wordBase = base + w * MarkBitmap.BYTES_PER_WORD;
            do {
                long live = wordBase + ((long) Long.numberOfTrailingZeros(bits) << 3);
                bits &= bits - 1;
                free.addFree(cursor, live, poison);
                cursor = live + objects.cellBytes(live);
            } while (bits != 0);
        }
        free.addFree(cursor, objects.limit(), poison);
    }
}
