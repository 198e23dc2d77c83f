package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;

import java.util.Arrays;

/**
 * Large objects, each in its own run of whole pages, never moved, freed one by one (MMTk's
 * large-object space, Boehm's large blocks). An object's pages go back to the page resource as
 * soon as a collection finds it dead, so large objects never fragment the small-object spaces and
 * are never copied.
 *
 * <p>Cost: allocation is a page-run search (under the page resource's lock); tracing sets one mark
 * bit per object (one per page of side metadata); release visits every large object once. The tail
 * of an object's last page is a FREE cell, so the pages stay parsable.
 */
public final class LargeObjectSpace implements Space {
    private final byte id;
    private final String name;
    private final PageResource pages;
    private final ObjectModel objects;
    private final SideBits marks;
    /** Start addresses and page counts of the live large objects, in no order; guarded by this. */
    private long[] starts = new long[16];
    private int[] pageCounts = new int[16];
    private long[] objectBytes = new long[16];
    private int count;
    private long committed;
    private long bytes;

    public LargeObjectSpace(byte id, String name, PageResource pages) {
        this.id = id;
        this.name = name;
        this.pages = pages;
        this.objects = pages.objects();
        this.marks = new SideBits(objects.base(), objects.limit(), PageResource.LOG_PAGE_BYTES);
    }

    @Override
    public byte id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * {@code bytes} at the start of a fresh run of pages (not zeroed); 0 when no run is free. The
     * caller writes the object's header. Thread-safe.
     */
    public synchronized long allocate(long bytes) {
        int n = Math.toIntExact((bytes + PageResource.PAGE_BYTES - 1) >>> PageResource.LOG_PAGE_BYTES);
        long start = pages.acquireFromTop(n, id);   // runs from the top: blocks fill the heap from the bottom
        if (start == 0) {
            return 0;
        }
        long tail = ((long) n << PageResource.LOG_PAGE_BYTES) - bytes;
        if (tail > 0) {
            objects.formatFree(start + bytes, tail, 0);
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            pageCounts = Arrays.copyOf(pageCounts, count * 2);
            objectBytes = Arrays.copyOf(objectBytes, count * 2);
        }
        starts[count] = start;
        pageCounts[count] = n;
        objectBytes[count] = bytes;
        count++;
        committed += (long) n << PageResource.LOG_PAGE_BYTES;
        this.bytes += bytes;
        return start;
    }

    @Override
    public void prepare() {
        marks.clearAll();
    }

    @Override
    public long traceObject(long object, TraceQueue queue) {
        if (marks.testAndSetAtomic(object)) {
            queue.enqueue(object);
        }
        return object;
    }

    @Override
    public void pinAndTrace(long object, TraceQueue queue) {
        traceObject(object, queue);  // large objects never move
    }

    @Override
    public boolean isLive(long object) {
        return marks.get(object);
    }

    /** Every unmarked large object's pages go back to the page resource. */
    @Override
    public synchronized void release() {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (marks.get(starts[i])) {
                starts[kept] = starts[i];
                pageCounts[kept] = pageCounts[i];
                objectBytes[kept] = objectBytes[i];
                kept++;
            } else {
                pages.release(starts[i], pageCounts[i]);
                committed -= (long) pageCounts[i] << PageResource.LOG_PAGE_BYTES;
                bytes -= objectBytes[i];
            }
        }
        count = kept;
    }

    @Override
    public synchronized long usedBytes() {
        return committed;
    }

    @Override
    public synchronized long committedBytes() {
        return committed;
    }

    @Override
    public synchronized long objectBytes() {
        return bytes;
    }

    /** The number of large objects held (live at the last collection, or allocated since). */
    public synchronized int objectCount() {
        return count;
    }
}
