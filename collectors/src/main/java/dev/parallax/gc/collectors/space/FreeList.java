package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

import java.util.Arrays;

/**
 * Free space as segregated free lists: free chunks, each formatted in the heap as a
 * {@link ObjectKind#FREE} cell whose link word points to the next chunk, in 64 size classes by power
 * of two (class k holds chunks of [2^k, 2^(k+1)) bytes). The heap stays parsable: every free byte
 * is inside a FREE chunk or a one-word {@link ObjectKind#FILLER}.
 *
 * <p>Policies:
 * <ul>
 *   <li>{@link #refill} (TLABs) takes a chunk of at least the <i>preferred</i> size when one is free
 *       (the head of the preferred size's class or any larger class) and carves the buffer from
 *       its low end; only when none is left does it fall back to the largest smaller chunk that
 *       still holds the request (the head of the highest non-empty class at or below the preferred
 *       size's). Small holes left by a sweep are therefore used only once the big chunks are gone, and a refill never
 *       settles for an object-sized hole while a large chunk is free;</li>
 *   <li>{@link #allocate} (objects outside TLABs, large ones) takes the first chunk that fits and
 *       carves the object from its <i>high</i> end, so large objects collect at the top of the
 *       free space and the low end stays one run for TLABs.</li>
 * </ul>
 * Only a request's own class is ever searched chunk by chunk: the head of any larger class always
 * fits. Not thread-safe: the owning space serialises access.
 *
 * <p>Accounting: {@link #freeBytes()} counts every byte in FREE and FILLER cells known to the list,
 * so after a sweep {@code capacity - freeBytes} is exactly the live bytes.
 */
public final class FreeList {
    private static final int CLASSES = 64;
    private final ObjectModel objects;
    private final long[] heads = new long[CLASSES];
    private long freeBytes;

    public FreeList(ObjectModel objects) {
        this.objects = objects;
    }

    /** Forgets every chunk (before a sweep rebuilds the lists). */
    public void clear() {
        Arrays.fill(heads, 0);
        freeBytes = 0;
    }

    public long freeBytes() {
        return freeBytes;
    }

    /**
     * Formats {@code [start, end)} as free space and, if it is big enough to hold an object, links it
     * into its size class. With {@code poison}, the body is first overwritten with
     * {@link CollectionScope#POISON} so a dangling reference reads garbage that fails validation.
     */
    public void addFree(long start, long end, boolean poison) {
        long bytes = end - start;
        if (bytes <= 0) {
            return;
        }
        if (poison) {
            for (long a = start; a < end; a += HeaderLayout.WORD_BYTES) {
                objects.store(a, CollectionScope.POISON);
            }
        }
        freeBytes += bytes;
        if (bytes < HeaderLayout.MIN_CHUNK_BYTES) {
            objects.formatFree(start, bytes, 0);
            return;
        }
        int k = sizeClass(bytes);
        objects.formatFree(start, bytes, heads[k]);
        heads[k] = start;
    }

    /**
     * Hands {@code buffer} a region of at least {@code minBytes}, {@code preferredBytes} when a chunk
     * that large is free (see the class comment). Returns false when no chunk fits.
     */
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        long want = Math.max(minBytes, preferredBytes);
        long chunk = take(want);
        if (chunk == 0) {
            chunk = takeLargestBelow(sizeClass(want), minBytes); // take() left only chunks smaller than want
            if (chunk == 0) {
                return false;
            }
        }
        long end = chunk + objects.cellBytes(chunk);
        long split = end - chunk - want >= HeaderLayout.MIN_CHUNK_BYTES ? chunk + want : end;
        unlinked(chunk, end);
        addFree(split, end, false);
        buffer.reset(chunk, split);
        return true;
    }

    /**
     * Allocates exactly {@code bytes} (a multiple of 8) from the high end of the first chunk that
     * fits; returns the start or 0 when nothing fits.
     */
    public long allocate(long bytes) {
        long chunk = take(bytes);
        if (chunk == 0) {
            return 0;
        }
        long end = chunk + objects.cellBytes(chunk);
        unlinked(chunk, end);
        long object = end - bytes;
        addFree(chunk, object, false);  // the rest, below the object: a chunk, a filler word, or nothing
        return object;
    }

    /** The largest free chunk. Cost: one walk of the highest non-empty class. */
    public long largestChunk() {
        for (int k = CLASSES - 1; k >= 0; k--) {
            long best = 0;
            for (long c = heads[k]; c != 0; c = objects.freeLink(c)) {
                best = Math.max(best, objects.cellBytes(c));
            }
            if (best > 0) {
                return best;
            }
        }
        return 0;
    }

    /** Unlinks and returns the first chunk of at least {@code bytes}, or 0. */
    private long take(long bytes) {
        int k = sizeClass(bytes);
        long prev = 0;
        for (long c = heads[k]; c != 0; prev = c, c = objects.freeLink(c)) {
            if (objects.cellBytes(c) >= bytes) {
                unlink(k, prev, c);
                return c;
            }
        }
        for (int j = k + 1; j < CLASSES; j++) {
            long c = heads[j];
            if (c != 0) {
                unlink(j, 0, c);
                return c;
            }
        }
        return 0;
    }

    /**
     * Unlinks and returns a chunk of at least {@code minBytes} from the highest non-empty class at or
     * below {@code topClass} (the preferred size's class, which may still hold chunks smaller than
     * the preferred size): the head of a class above {@code minBytes}' class, or else the first chunk
     * of that class that fits. 0 when none fits.
     */
    private long takeLargestBelow(int topClass, long minBytes) {
        int minClass = sizeClass(minBytes);
        for (int j = topClass; j > minClass; j--) {
            long c = heads[j];
            if (c != 0) {
                unlink(j, 0, c);
                return c;
            }
        }
        long prev = 0;
        for (long c = heads[minClass]; c != 0; prev = c, c = objects.freeLink(c)) {
            if (objects.cellBytes(c) >= minBytes) {
                unlink(minClass, prev, c);
                return c;
            }
        }
        return 0;
    }

    private void unlink(int k, long prev, long chunk) {
        long next = objects.freeLink(chunk);
        if (prev == 0) {
            heads[k] = next;
        } else {
            objects.setFreeLink(prev, next);
        }
    }

    /** A chunk left the lists: its bytes are no longer free. */
    private void unlinked(long start, long end) {
        freeBytes -= end - start;
    }

    private static int sizeClass(long bytes) {
        return 63 - Long.numberOfLeadingZeros(bytes);
    }
}
