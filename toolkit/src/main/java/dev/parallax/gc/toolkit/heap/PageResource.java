package dev.parallax.gc.toolkit.heap;

import dev.parallax.gc.api.object.ObjectModel;

import java.util.BitSet;

/**
 * The heap as 4 KiB pages that spaces acquire in contiguous runs and give back (MMTk's page
 * resource). It records which space owns each page, so a tracer finds an object's space with one
 * array load ({@link #ownerOf}), and it keeps the heap parsable: a run no space owns is one FREE
 * cell, and a run is handed to its space formatted as one FREE cell, which the space then keeps
 * parsable as it allocates.
 *
 * <p>Thread-safety: {@link #acquire} and {@link #release} take this object's lock (mutator slow
 * paths and GC workers call them); {@link #ownerOf} is a plain read, stable while the world is
 * stopped and, for a page a caller already owns, at any time.
 */
public final class PageResource {
    public static final int LOG_PAGE_BYTES = 12;
    public static final long PAGE_BYTES = 1L << LOG_PAGE_BYTES;
    /** The owner id of a page no space holds. */
    public static final byte FREE = 0;

    private final ObjectModel objects;
    private final long base;
    private final int pages;
    private final byte[] owner;
    /** Pages some space holds. */
    private final BitSet used = new BitSet();
    private int usedPages;

    /**
     * Takes over the heap of {@code objects}, formatting it as free pages. A heap that is not a whole
     * number of pages keeps its last partial page as a free cell no space is ever given (at most
     * {@code PAGE_BYTES - 8} bytes unused; its owner reads as {@link #FREE}).
     */
    public PageResource(ObjectModel objects) {
        this.objects = objects;
        this.base = objects.base();
        this.pages = Math.toIntExact(objects.capacity() >>> LOG_PAGE_BYTES);
        this.owner = new byte[pages + 1];
        long paged = (long) pages << LOG_PAGE_BYTES;
        if (paged > 0) {
            objects.formatFree(base, paged, 0);
        }
        if (objects.capacity() > paged) {
            objects.formatFree(base + paged, objects.capacity() - paged, 0);   // the partial page, never handed out
        }
    }

    public ObjectModel objects() {
        return objects;
    }

    /** The heap's pages. */
    public int pages() {
        return pages;
    }

    public synchronized int usedPages() {
        return usedPages;
    }

    public synchronized int freePages() {
        return pages - usedPages;
    }

    /** Bytes in the longest run of free pages. Cost: one pass over the page map. */
    public synchronized long largestFreeRun() {
        int best = 0;
        for (int p = used.nextClearBit(0); p < pages; ) {
            int end = used.nextSetBit(p);
            end = end < 0 ? pages : end;
            best = Math.max(best, end - p);
            p = used.nextClearBit(end);
        }
        return (long) best << LOG_PAGE_BYTES;
    }

    /** The id of the space owning the page of {@code address}, or {@link #FREE}. */
    public byte ownerOf(long address) {
        return owner[(int) ((address - base) >>> LOG_PAGE_BYTES)];
    }

    /**
     * Gives space {@code spaceId} a run of {@code count} free pages starting at a multiple of
     * {@code alignPages} pages from the heap's base, formatted as one FREE cell: the lowest such run
     * (first fit), so that blocks pack at the bottom of the heap and {@link #acquireFromTop large
     * objects} find long runs at the top. Cost: a scan of the used-page bitmap, a word per 64 pages.
     *
     * @return the run's first address, or 0 when no such run is free
     */
    public synchronized long acquire(int count, int alignPages, byte spaceId) {
        check(count, alignPages, spaceId);
        int start = find(count, alignPages, 0);
        if (start < 0) {
            return 0;
        }
        take(start, count, spaceId);
        return address(start);
    }

    /**
     * As {@link #acquire} without alignment, but the highest free run: a large-object space takes
     * its runs from the top of the heap while blocks fill it from the bottom, so that scattered
     * blocks do not cut the free pages into runs too short for the next large object.
     *
     * @return the run's first address, or 0 when no run of {@code count} pages is free
     */
    public synchronized long acquireFromTop(int count, byte spaceId) {
        check(count, 1, spaceId);
        int start = findFromTop(count);
        if (start < 0) {
            return 0;
        }
        take(start, count, spaceId);
        return address(start);
    }

    private static void check(int count, int alignPages, byte spaceId) {
        if (count < 1 || alignPages < 1 || spaceId == FREE) {
            throw new IllegalArgumentException("acquire " + count + " pages aligned to " + alignPages + " for space "
                    + spaceId);
        }
    }

    /** The highest run of {@code count} free pages, or -1. */
    private int findFromTop(int count) {
        int end = pages;   // look for a run ending at or below this page
        while (end >= count) {
            int lastFree = used.previousClearBit(end - 1);
            if (lastFree < 0) {
                return -1;
            }
            int start = lastFree + 1 - count;
            if (start < 0) {
                return -1;
            }
            int lastUsed = used.previousSetBit(lastFree);
            if (lastUsed < start) {
                return start;
            }
            end = lastUsed;
        }
        return -1;
    }

    /** Gives {@code count} pages from {@code address} (a run the caller owns) back, as one FREE cell. */
    public synchronized void release(long address, int count) {
        int first = page(address);
        byte space = owner[first];
        for (int p = first; p < first + count; p++) {
            if (owner[p] != space || space == FREE) {
                throw new IllegalStateException(String.format("release of pages [%d, %d) from 0x%x: page %d is owned by "
                        + "space %d, not %d", first, first + count, address, p, owner[p], space));
            }
            owner[p] = FREE;
        }
        used.clear(first, first + count);
        usedPages -= count;
        objects.formatFree(address, count * PAGE_BYTES, 0);
    }

    /** The first run of {@code count} free pages aligned to {@code align} at or after page {@code from}, or -1. */
    private int find(int count, int align, int from) {
        int p = used.nextClearBit(from);
        while (p < pages) {
            int aligned = (p + align - 1) / align * align;
            if (aligned + count > pages) {
                return -1;
            }
            int nextUsed = used.nextSetBit(aligned);
            if (nextUsed < 0 || nextUsed >= aligned + count) {
                return aligned;
            }
            p = used.nextClearBit(nextUsed);
        }
        return -1;
    }

    /** Marks the run used and keeps its free neighbours parsable: the run splits the free cell it was part of. */
    private void take(int start, int count, byte spaceId) {
        int freeBefore = start == 0 ? 0 : used.previousSetBit(start - 1) + 1;  // where the free run holding start began
        int freeAfterEnd = used.nextSetBit(start + count);
        int end = freeAfterEnd < 0 ? pages : freeAfterEnd;
        used.set(start, start + count);
        usedPages += count;
        for (int p = start; p < start + count; p++) {
            owner[p] = spaceId;
        }
        if (freeBefore < start) {
            objects.formatFree(address(freeBefore), (long) (start - freeBefore) << LOG_PAGE_BYTES, 0);
        }
        objects.formatFree(address(start), (long) count << LOG_PAGE_BYTES, 0);
        if (start + count < end) {
            objects.formatFree(address(start + count), (long) (end - start - count) << LOG_PAGE_BYTES, 0);
        }
    }

    private long address(int page) {
        return base + ((long) page << LOG_PAGE_BYTES);
    }

    private int page(long address) {
        long offset = address - base;
        if (offset < 0 || (offset & (PAGE_BYTES - 1)) != 0 || (offset >>> LOG_PAGE_BYTES) >= pages) {
            throw new IllegalArgumentException(String.format("0x%x is not a page of the heap", address));
        }
        return (int) (offset >>> LOG_PAGE_BYTES);
    }
}
