package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * Sweeps a heap marked with header bits ({@code HeaderMarkBits}) in address order from a cursor, in
 * one go or in bounded steps: marked objects have their mark cleared, every maximal run of unmarked
 * cells (dead objects, free chunks, fillers) becomes one free chunk of the {@link FreeList}. Used by
 * the incremental collector, whose mutators allocate black with the header bit; a heap marked in a
 * side bitmap is swept faster by {@link BitmapSweeper}.
 *
 * <p>Invariant between steps: every cell below the cursor is swept, the lists hold exactly the free
 * runs that end below the cursor, and the run still open at the cursor ({@code runStart}) is added
 * once a live object or the heap end closes it. Cost: one header read per cell.
 */
public final class Sweeper {
    private final ObjectModel objects;
    private final FreeList free;
    private long cursor;
    private long runStart;

    public Sweeper(ObjectModel objects, FreeList free) {
        this.objects = objects;
        this.free = free;
        this.cursor = objects.limit();
    }

    /** Forgets the free lists (the sweep finds every free cell again) and puts the cursor at the heap start. */
    public void start() {
        free.clear();
        cursor = objects.base();
        runStart = 0;
    }

    public boolean done() {
        return cursor >= objects.limit();
    }

    /**
     * Sweeps at least {@code budget} bytes of heap, and on until {@code minFree} bytes are free or
     * the heap ends. With {@code poison}, freed memory is overwritten (debug mode).
     *
     * @return true when the sweep has reached the heap end
     */
    public boolean sweep(long budget, long minFree, boolean poison) {
        long limit = objects.limit();
        long stop = budget >= limit - cursor ? limit : cursor + budget;
        long cell = cursor;
        long previous = 0;
        while (cell < limit && (cell < stop || free.freeBytes() < minFree)) {
            long status = objects.status(cell);
            ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
            long bytes = objects.sizeOf(status);
            if (kind == null || cell + bytes > limit) {
                throw new HeapCorruptionException(String.format(
                        "sweep: unparsable cell at 0x%x (status 0x%x) after the cell at 0x%x", cell, status, previous));
            }
            if ((status & HeaderLayout.MARK_BIT) != 0 && kind.isObject()) {
                objects.setStatus(cell, status & ~HeaderLayout.MARK_BIT);
                if (runStart != 0) {
                    free.addFree(runStart, cell, poison);
                    runStart = 0;
                }
            } else if (runStart == 0) {
                runStart = cell;
            }
            previous = cell;
            cell += bytes;
        }
        cursor = cell;
        if (cell >= limit && runStart != 0) {
            free.addFree(runStart, limit, poison);
            runStart = 0;
        }
        return cell >= limit;
    }
}
