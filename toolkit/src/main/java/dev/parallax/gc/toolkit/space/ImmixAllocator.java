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
            long fresh = space.freshBlock();
            if (fresh == 0) {
                return takeHole(buffer, minBytes);   // no fresh block: a big enough hole may still be there
            }
            buffer.reset(fresh, fresh + ImmixSpace.BLOCK_BYTES);
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
                    buffer.reset(block + ((long) first << ImmixSpace.LOG_LINE_BYTES),
                            block + ((long) line << ImmixSpace.LOG_LINE_BYTES));
                    return true;
                }
            }
            block = space.nextBlock();
            line = 0;
            if (block == 0) {
                return false;
            }
        }
    }

    /** Forgets the block being filled: after a collection its lines mean something else. */
    public void reset() {
        block = 0;
        line = 0;
    }
}
