package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;

/**
 * One mutator's allocation state in an {@link ImmixSpace}: the block it is filling and the line to
 * look for the next hole from. Each refill hands the mutator's buffer the next hole that fits;
 * when the block has none left, the allocator takes the space's next recyclable block, then fresh
 * ones. Objects bigger than a line go straight to a fresh block (Immix's overflow allocation), so
 * medium objects do not skip every small hole of a recyclable block.
 *
 * <p>Owned by one mutator; {@link #reset} after every collection (the hole map changed).
 */
public final class ImmixAllocator {
    private final ImmixSpace space;
    private long block;
    private int line;
    /** Where the block being filled is known zero (past its end: nowhere); see {@link ImmixSpace#freshBlock(long[])}. */
    private final long[] zeroedFrom = {Long.MAX_VALUE};
    /** The same for a block taken whole for a medium object (overflow allocation). */
    private final long[] overflowZeroedFrom = {Long.MAX_VALUE};

    public ImmixAllocator(ImmixSpace space) {
        this.space = space;
    }

    /**
     * Hands {@code buffer} (already retired) the next hole of at least {@code minBytes}.
     *
     * @return false when the space can give no block
     */
    public boolean refill(AllocationBuffer buffer, long minBytes) {
        if (minBytes > ImmixSpace.LINE_BYTES) {
            long fresh = space.freshBlock(overflowZeroedFrom);
            if (fresh == 0) {
                return takeHole(buffer, minBytes);   // no fresh block: a big enough hole may still be there
            }
            reset(buffer, fresh, fresh + ImmixSpace.BLOCK_BYTES, overflowZeroedFrom[0]);
            return true;
        }
        return takeHole(buffer, minBytes);
    }

    private boolean takeHole(AllocationBuffer buffer, long minBytes) {
        while (true) {
            if (block != 0) {
                long hole = space.findHole(block, line, minBytes);
                if (hole >= 0) {
                    int first = (int) (hole >>> 32);
                    line = (int) hole;
                    reset(buffer, block + ((long) first << ImmixSpace.LOG_LINE_BYTES),
                            block + ((long) line << ImmixSpace.LOG_LINE_BYTES), zeroedFrom[0]);
                    return true;
                }
            }
            block = space.nextBlock(zeroedFrom);
            line = 0;
            if (block == 0) {
                return false;
            }
        }
    }

    /** Hands {@code buffer} the hole {@code [start, end)} of a block known zero from {@code blockZeroedFrom}. */
    private static void reset(AllocationBuffer buffer, long start, long end, long blockZeroedFrom) {
        buffer.reset(start, end, Math.max(start, Math.min(blockZeroedFrom, end)));
    }

    /** Forgets the block being filled: after a collection its lines mean something else. */
    public void reset() {
        block = 0;
        line = 0;
        zeroedFrom[0] = Long.MAX_VALUE;
    }
}
