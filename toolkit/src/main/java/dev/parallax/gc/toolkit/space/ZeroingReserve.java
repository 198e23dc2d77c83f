package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.toolkit.heap.PageResource;

import java.lang.foreign.MemorySegment;

/**
 * Blocks a space takes from the page resource ahead of its mutators, after a pause (at its first
 * refill), and a background thread zeroes while the mutators run ({@link ConcurrentZeroer}, whose
 * protocol it uses: the blocks are its regions). A mutator's refill then gets a block that is
 * already zero and writes only object headers into it, instead of zeroing 32 KiB on its own
 * critical path.
 *
 * <p>Threads: {@link #fill}, {@link #take} and {@link #giveBack} are called under the owning
 * space's lock. Cost to the mutator: one compare-and-set per block taken, and for the first refill
 * after a pause the page-resource calls of {@link #fill}. An owner must give the blocks back at the
 * start of every pause: a collection must see them as free pages.
 */
public final class ZeroingReserve implements AutoCloseable {
    /** The bytes at a waiting block's start that hold its FREE cell header and link: never zeroed here. */
    public static final long HEADER_BYTES = ConcurrentZeroer.HEADER_BYTES;

    private final PageResource pages;
    private final byte spaceId;
    /** Blocks aligned to their size and taken lowest first (an Immix space's), or taken from the top (a copy space's). */
    private final boolean aligned;
    private final int blockPages;
    private final long blockBytes;
    private final ConcurrentZeroer zeroer;

    /**
     * @param maxBlocks   the most blocks one round holds (the nursery's budget in blocks)
     * @param blockPages  pages per block
     * @param aligned     blocks aligned to {@code blockPages} from the heap's base and taken lowest
     *                    first, as {@link PageResource#acquire} gives them; else from the top
     */
    public ZeroingReserve(PageResource pages, byte spaceId, int maxBlocks, int blockPages, boolean aligned,
                          String threadName) {
        this.pages = pages;
        this.spaceId = spaceId;
        this.aligned = aligned;
        this.blockPages = blockPages;
        this.blockBytes = (long) blockPages << PageResource.LOG_PAGE_BYTES;
        this.zeroer = new ConcurrentZeroer(pages.objects(), maxBlocks, threadName);
    }

    /**
     * Takes up to {@code wanted} blocks, leaving at least {@code keepFreePages} pages free, and wakes
     * the zeroer. The reserve must be empty ({@link #giveBack} first). Cost: one page-resource call
     * per run taken, asking for all the blocks left and halving the request when no run that long
     * is free; each block is then formatted as its own free cell.
     *
     * @return the blocks taken
     */
    public int fill(int wanted, int keepFreePages) {
        zeroer.beginRound();
        int limit = Math.max(0, Math.min(Math.min(wanted, zeroer.capacity()), (pages.freePages() - keepFreePages) / blockPages));
        int n = 0;
        int ask = limit;
        while (n < limit) {
            int k = Math.min(ask, limit - n);
            long run = aligned ? pages.acquire(k * blockPages, blockPages, spaceId) : pages.acquireFromTop(k * blockPages, spaceId);
            if (run == 0) {
                if (k == 1) {
                    break;
                }
                ask = k / 2;
                continue;
            }
            for (int b = 0; b < k; b++, n++) {
                zeroer.add(run + b * blockBytes, run + (b + 1) * blockBytes);
            }
        }
        zeroer.publish();
        return n;
    }

    /**
     * The next block, or 0 when none is left; {@code zeroFrom[0]} is set to the address from which it
     * is known zero (its end when the zeroer has not reached it).
     */
    public long take(long[] zeroFrom) {
        int slot = zeroer.take(zeroFrom);
        return slot < 0 ? 0 : zeroer.start(slot);
    }

    /**
     * Gives every block not yet taken back to the page resource (at the start of a pause, or when
     * pages run short), adjacent blocks as one run.
     */
    public void giveBack() {
        zeroer.giveBack((start, end) -> pages.release(start, Math.toIntExact((end - start) >>> PageResource.LOG_PAGE_BYTES)));
    }

    /** Bytes in blocks not yet taken (free room the space holds for its mutators). */
    public long bytes() {
        return zeroer.bytes();
    }

    /**
     * Bytes in the longest run of adjacent blocks not yet taken: free room in one piece, which a
     * large object gets once {@link #giveBack} returned it. Cost: one pass over the blocks.
     */
    public long largestRunBytes() {
        return zeroer.largestRunBytes();
    }

    /** Blocks handed to mutators already zeroed, since this reserve was made. */
    public long takenZeroed() {
        return zeroer.takenZeroed();
    }

    /** Whether a zeroer thread may write {@code heap} (a shared arena's segment; not a confined one). */
    public static boolean possible(MemorySegment heap) {
        return ConcurrentZeroer.possible(heap);
    }

    /**
     * Stops the zeroer thread and waits for it (it finishes at most one block), so that the heap may
     * be freed after. Idempotent.
     */
    @Override
    public void close() {
        zeroer.close();
    }
}
