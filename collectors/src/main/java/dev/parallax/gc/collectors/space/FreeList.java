package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * Free space as segregated free lists: free chunks, each formatted in the heap as a
 * {@link ObjectKind#FREE} cell whose identity word links to the next chunk, in 64 size classes by
 * power of two (class k holds chunks of [2^k, 2^(k+1)) bytes). The heap stays parsable: every free
 * byte is inside a FREE chunk or a one-word {@link ObjectKind#FILLER}.
 *
 * <p>Allocation takes the first fitting chunk of the smallest class that can hold the request and
 * splits off the rest. Only the request's own class has to be searched chunk by chunk; the head of
 * any larger class always fits. Not thread-safe: the owning collector serialises access.
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
        java.util.Arrays.fill(heads, 0);
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
            objects.store(start, HeaderLayout.statusWord(ObjectKind.FILLER, 0, 0));
            return;
        }
        int k = sizeClass(bytes);
        objects.initialize(start, ObjectKind.FREE, 0, bytes / HeaderLayout.WORD_BYTES - HeaderLayout.HEADER_WORDS,
                heads[k]);
        heads[k] = start;
    }

    /**
     * Hands {@code buffer} a region of at least {@code minBytes}, about {@code preferredBytes} when a
     * chunk that large is free. Returns false when no chunk fits.
     */
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        long chunk = take(minBytes);
        if (chunk == 0) {
            return false;
        }
        long end = chunk + objects.cellBytes(chunk);
        long carve = Math.max(minBytes, preferredBytes);
        long split = end - chunk - carve >= HeaderLayout.MIN_CHUNK_BYTES ? chunk + carve : end;
        unlinked(chunk, end);
        addFree(split, end, false);
        buffer.reset(chunk, split);
        return true;
    }

    /** Allocates exactly {@code bytes} (a multiple of 8); returns the start or 0 when nothing fits. */
    public long allocate(long bytes) {
        long chunk = take(bytes);
        if (chunk == 0) {
            return 0;
        }
        long end = chunk + objects.cellBytes(chunk);
        unlinked(chunk, end);
        addFree(chunk + bytes, end, false); // the rest: a chunk, a filler word, or nothing
        return chunk;
    }

    /** The largest free chunk. Cost: one walk of the highest non-empty class. */
    public long largestChunk() {
        for (int k = CLASSES - 1; k >= 0; k--) {
            long best = 0;
            for (long c = heads[k]; c != 0; c = objects.objectId(c)) {
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
        for (long c = heads[k]; c != 0; prev = c, c = objects.objectId(c)) {
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

    private void unlink(int k, long prev, long chunk) {
        long next = objects.objectId(chunk);
        if (prev == 0) {
            heads[k] = next;
        } else {
            objects.store(prev + HeaderLayout.WORD_BYTES, next);
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
