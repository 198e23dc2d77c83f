package dev.parallax.gc.net.slab;

import java.util.Arrays;

/**
 * A stack of free ids (node slots, variables or Ref cells): one thread's free list. The ids are kept
 * in chunks of {@value #CHUNK} ids: a top chunk that pushes and pops use, and full chunks below it.
 * Stacks move between threads wholesale before and after a reduction, and a chunk moves by its
 * reference, so dealing the builder's free ids out to the workers and gathering them back copies at
 * most two chunks' worth of ids whatever the stack holds (arrays of a few hundred thousand ids were
 * copied before, 0.3 ms per reduction with two workers). The fields pushes and pops write are kept a
 * cache line away from the object before (see {@link CacheLinePadded}): each worker has its own
 * stacks and writes them at every allocation and free.
 */
final class FreeStack extends CacheLinePadded {
    static final int CHUNK = 1 << 12;

    /** The chunk pushes and pops use: ids {@code [0, topCount)}; {@code topCount} in {@code [0, CHUNK]}. */
    private long[] top = new long[CHUNK];
    private int topCount;
    /** Full chunks under the top, {@code [0, fullCount)}; every one holds {@link #CHUNK} ids. */
    private long[][] full = new long[4][];
    private int fullCount;
    /** An empty chunk kept from the last pop across a chunk boundary, so a push back across it allocates nothing; or null. */
    private long[] spare;

    /** Ids on the stack. */
    int count() {
        return fullCount * CHUNK + topCount;
    }

    /** Keeps every chunk but the top full: a full top goes below and an empty chunk takes its place. */
    void push(long id) {
        if (topCount == CHUNK) {
            pushTopChunk();
        }
        top[topCount++] = id;
    }

    /** The top id; call only when {@link #count()} is positive. An empty top is replaced by the chunk below. */
    long pop() {
        if (topCount == 0) {
            popTopChunk();
        }
        return top[--topCount];
    }

    /** The full top goes below; the spare (or a new chunk) becomes the empty top. */
    private void pushTopChunk() {
        addFull(top);
        top = spare != null ? spare : new long[CHUNK];
        spare = null;
        topCount = 0;
    }

    /** The empty top becomes the spare; the highest full chunk becomes the top. Requires {@code fullCount > 0}. */
    private void popTopChunk() {
        spare = top;
        top = full[--fullCount];
        full[fullCount] = null;
        topCount = CHUNK;
    }

    private void addFull(long[] chunk) {
        if (fullCount == full.length) {
            full = Arrays.copyOf(full, full.length * 2);
        }
        full[fullCount++] = chunk;
    }

    /**
     * Moves every id of {@code other} here, leaving it empty: a swap of everything when this stack is
     * empty, else its full chunks by reference and the ids of its top one by one.
     */
    void takeAll(FreeStack other) {
        if (count() == 0) {
            swap(other);
            return;
        }
        takeTop(other, other.count());
    }

    /**
     * Moves {@code n} ids of {@code other} here ({@code n <= other.count()}): as many of its full
     * chunks as fit in {@code n} by reference (they go under this stack's top, whose order does not
     * matter to a free list), then the rest one by one from its top, at most two chunks' worth.
     */
    void takeTop(FreeStack other, int n) {
        if (n > other.count()) {
            throw new IllegalArgumentException("cannot take " + n + " ids from a stack of " + other.count());
        }
        int chunks = Math.min(n / CHUNK, other.fullCount);
        for (int i = 0; i < chunks; i++) {
            long[] chunk = other.full[--other.fullCount];
            other.full[other.fullCount] = null;
            addFull(chunk);
        }
        for (int i = chunks * CHUNK; i < n; i++) {
            push(other.pop());
        }
    }

    /** Exchanges every id (and chunk) of this stack with {@code other}'s. */
    private void swap(FreeStack other) {
        long[] t = top;
        top = other.top;
        other.top = t;
        int tc = topCount;
        topCount = other.topCount;
        other.topCount = tc;
        long[][] f = full;
        full = other.full;
        other.full = f;
        int fc = fullCount;
        fullCount = other.fullCount;
        other.fullCount = fc;
    }
}
