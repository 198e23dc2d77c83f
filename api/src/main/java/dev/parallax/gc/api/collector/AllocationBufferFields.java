package dev.parallax.gc.api.collector;

/*
 * An allocation buffer's cursor and limit, between 128 bytes of padding on either side (superclass
 * fields come first in HotSpot's layout): every allocation, and every copy a GC worker promotes,
 * writes the cursor, and buffers of different threads are often allocated one after another.
 * Without the padding two threads' buffers could share a cache line (false sharing).
 */

/** Padding before the cursor. */
abstract class AllocationBufferPaddingBefore {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The region {@code [cursor, limit)}, known zero from {@code zeroedFrom} on. */
abstract class AllocationBufferFields extends AllocationBufferPaddingBefore {
    long cursor;
    long limit;
    long zeroedFrom = Long.MAX_VALUE;
}

/** Padding after the limit. */
abstract class AllocationBufferPaddingAfter extends AllocationBufferFields {
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
}
