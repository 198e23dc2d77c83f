package dev.parallax.gc.api.collector;

/**
 * A thread-local allocation buffer (TLAB): a region {@code [cursor, limit)} of free heap that one
 * mutator bumps into without synchronisation. The collector fills it in {@link Collector#refill};
 * the runtime retires it (formats the unused tail as free space) before every collection.
 *
 * <p>Not thread-safe: owned by one mutator, touched by the collector only while that mutator is
 * in the refill call or stopped. Padded, so that no two buffers share a cache line.
 */
public final class AllocationBuffer extends AllocationBufferPaddingAfter {

    /**
     * Bumps the cursor by {@code bytes} (a positive multiple of 8) and returns the old cursor, or 0
     * when the buffer has less room. The allocation fast path: two loads, one compare, one store. An
     * empty buffer is {@code [0, 0)}, so it needs no test of its own.
     */
    public long tryBump(long bytes) {
        long start = cursor;
        long end = start + bytes;
        if (end > limit) {
            return 0;
        }
        cursor = end;
        return start;
    }

    /** Hands the buffer a fresh region, of unknown contents (the runtime zeroes it). */
    public void reset(long start, long end) {
        reset(start, end, end);
    }

    /**
     * Hands the buffer a fresh region whose memory from {@code zeroedFrom} to {@code end} is already
     * zero (a collector that zeroes ahead of its mutators says so): the runtime then zeroes only
     * {@code [start, zeroedFrom)}. In debug mode the runtime checks the claim.
     */
    public void reset(long start, long end, long zeroedFrom) {
        if (start > end || zeroedFrom < start || zeroedFrom > end || ((start | end | zeroedFrom) & 7) != 0) {
            throw new IllegalArgumentException(String.format("bad allocation region [0x%x, 0x%x) zeroed from 0x%x",
                    start, end, zeroedFrom));
        }
        this.cursor = start;
        this.limit = end;
        this.zeroedFrom = zeroedFrom;
    }

    /** Empties the buffer; the next allocation goes to the slow path. */
    public void clear() {
        cursor = 0;
        limit = 0;
        zeroedFrom = Long.MAX_VALUE;
    }

    /** Where the memory of the region last handed to the buffer is known zero up to its limit (at or past the limit: nowhere). */
    public long zeroedFrom() {
        return zeroedFrom;
    }

    public long cursor() {
        return cursor;
    }

    public long limit() {
        return limit;
    }

    /** Unused bytes left in the buffer. */
    public long remaining() {
        return limit - cursor;
    }
}
