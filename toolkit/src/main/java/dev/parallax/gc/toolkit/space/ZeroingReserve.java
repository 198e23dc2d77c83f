package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Blocks a space takes from the page resource ahead of its mutators, after a pause (at its first
 * refill), and a background thread zeroes while the mutators run (concurrent zeroing: Yang et al.,
 * "Why nothing matters: the impact of zeroing", OOPSLA 2011). A mutator's refill then gets a block that is
 * already zero and writes only object headers into it, instead of zeroing 32 KiB on its own
 * critical path. Meant for a machine with a core the mutators leave idle.
 *
 * <p>Each block is a FREE cell while it waits (the heap stays parsable): the zeroer zeroes all of
 * it but the cell's first {@link #HEADER_BYTES}. States, changed by compare-and-set only:
 * <pre>
 * DIRTY --zeroer--> ZEROING --zeroer--> ZEROED
 * DIRTY or ZEROED --take (a mutator's refill) or giveBack--> TAKEN
 * </pre>
 * so a block is zeroed only while nobody else holds it, and the zeroer's stores happen before the
 * volatile state write that a taker reads. Each state carries its round (one per {@link #fill}): a
 * zeroer still walking an old round cannot claim a slot that a new round reused for another block.
 * The zeroer works from the last block back, takers from the first on: they meet once per round.
 *
 * <p>Threads: {@link #fill}, {@link #take} and {@link #giveBack} are called under the owning
 * space's lock; the zeroer thread is this object's own. Cost to the mutator: one compare-and-set
 * per block taken, and for the first refill after a pause the page-resource calls of {@link #fill}.
 * An owner must give the blocks back at the start of every pause: a collection must see them as
 * free pages, and nothing but the takers and this zeroer may write them.
 */
public final class ZeroingReserve implements AutoCloseable {
    /** The bytes at a waiting block's start that hold its FREE cell header and link: never zeroed here. */
    public static final long HEADER_BYTES = HeaderLayout.LINK_OFFSET + HeaderLayout.WORD_BYTES;

    private static final int DIRTY = 0;
    private static final int ZEROING = 1;
    private static final int ZEROED = 2;
    private static final int TAKEN = 3;

    private final PageResource pages;
    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long base;
    private final byte spaceId;
    /** Blocks aligned to their size and taken lowest first (an Immix space's), or taken from the top (a copy space's). */
    private final boolean aligned;
    private final int blockPages;
    private final long blockBytes;
    private final long[] blocks;
    /** Per slot: {@code round << 2 | state}. */
    private final AtomicLongArray state;
    /** Blocks in the current round; published to the zeroer by the volatile {@link #round}. */
    private int count;
    /** The next block a taker gets. */
    private int next;
    private volatile long round;
    private volatile boolean closed;
    private final Thread zeroer;
    /** Blocks taken already zero: what the reserve saved the mutators. */
    private long takenZeroed;

    /**
     * @param maxBlocks   the most blocks one round holds (the nursery's budget in blocks)
     * @param blockPages  pages per block
     * @param aligned     blocks aligned to {@code blockPages} from the heap's base and taken lowest
     *                    first, as {@link PageResource#acquire} gives them; else from the top
     */
    public ZeroingReserve(PageResource pages, byte spaceId, int maxBlocks, int blockPages, boolean aligned,
                          String threadName) {
        ObjectModel objects = pages.objects();
        this.pages = pages;
        this.objects = objects;
        this.heap = objects.heap();
        this.base = objects.base();
        this.spaceId = spaceId;
        this.aligned = aligned;
        this.blockPages = blockPages;
        this.blockBytes = (long) blockPages << PageResource.LOG_PAGE_BYTES;
        this.blocks = new long[Math.max(1, maxBlocks)];
        this.state = new AtomicLongArray(blocks.length);
        this.zeroer = new Thread(this::zeroLoop, threadName);
        if (!heap.isAccessibleBy(zeroer)) {
            throw new IllegalStateException("zeroing ahead needs a heap other threads may access (a shared arena)");
        }
        zeroer.setDaemon(true);
        zeroer.start();
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
        if (next < count) {
            throw new IllegalStateException("the zeroing reserve still holds " + (count - next) + " blocks");
        }
        long newRound = round + 1;
        int limit = Math.max(0, Math.min(Math.min(wanted, blocks.length), (pages.freePages() - keepFreePages) / blockPages));
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
                blocks[n] = run + b * blockBytes;
                objects.formatFree(blocks[n], blockBytes, 0);   // each block its own free cell: the heap parses as they go
                state.set(n, newRound << 2 | DIRTY);
            }
        }
        count = n;
        next = 0;
        round = newRound;   // publishes blocks[] and count to the zeroer
        LockSupport.unpark(zeroer);
        return n;
    }

    /**
     * The next block, or 0 when none is left; {@code zeroFrom[0]} is set to the address from which it
     * is known zero (its end when the zeroer has not reached it).
     */
    public long take(long[] zeroFrom) {
        while (next < count) {
            int i = next++;
            long block = blocks[i];
            int s = claim(i);
            if (s == ZEROED) {
                takenZeroed++;
                zeroFrom[0] = block + HEADER_BYTES;
            } else {
                zeroFrom[0] = block + blockBytes;
            }
            return block;
        }
        return 0;
    }

    /** Waits out a zeroing in progress, then makes block {@code i} TAKEN; returns the state it had (DIRTY or ZEROED). */
    private int claim(int i) {
        long tag = round << 2;
        for (int spins = 0; ; spins++) {
            long word = state.get(i);
            int s = (int) (word & 3);
            if (word >>> 2 != round || s == TAKEN) {
                throw new IllegalStateException("reserve block " + i + " of round " + round + " reads " + (word >>> 2)
                        + "/" + s + ": taken twice");
            } else if (s == ZEROING) {
                if (spins < 1024) {
                    Thread.onSpinWait();   // the zeroer finishes one block: microseconds
                } else {
                    Thread.yield();   // unless it was descheduled: let it have a core
                }
            } else if (state.compareAndSet(i, word, tag | TAKEN)) {
                return s;
            }
        }
    }

    /**
     * Gives every block not yet taken back to the page resource (at the start of a pause, or when
     * pages run short), adjacent blocks as one run.
     */
    public void giveBack() {
        long runStart = 0;
        long runEnd = 0;
        while (next < count) {
            int i = next++;
            claim(i);
            if (blocks[i] != runEnd) {
                releaseRun(runStart, runEnd);
                runStart = blocks[i];
            }
            runEnd = blocks[i] + blockBytes;
        }
        releaseRun(runStart, runEnd);
    }

    private void releaseRun(long start, long end) {
        if (end > start) {
            pages.release(start, Math.toIntExact((end - start) >>> PageResource.LOG_PAGE_BYTES));
        }
    }

    /** Bytes in blocks not yet taken (free room the space holds for its mutators). */
    public long bytes() {
        return (long) (count - next) * blockBytes;
    }

    /**
     * Bytes in the longest run of adjacent blocks not yet taken: free room in one piece, which a
     * large object gets once {@link #giveBack} returned it. Cost: one pass over the blocks.
     */
    public long largestRunBytes() {
        long best = 0;
        long run = 0;
        for (int i = next; i < count; i++) {
            run = i > next && blocks[i] == blocks[i - 1] + blockBytes ? run + blockBytes : blockBytes;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Blocks handed to mutators already zeroed, since this reserve was made. */
    public long takenZeroed() {
        return takenZeroed;
    }

    /** The zeroer: from the last block of each round back to the first, zeroing those still DIRTY; parks in between. */
    private void zeroLoop() {
        long seen = 0;
        while (!closed) {
            long r = round;
            if (r == seen) {
                LockSupport.park(this);
                continue;
            }
            seen = r;
            long tag = r << 2;
            for (int i = Math.min(count, blocks.length) - 1; i >= 0 && round == r && !closed; i--) {
                if (state.get(i) != (tag | DIRTY)) {
                    if (state.get(i) == (tag | TAKEN)) {
                        break;   // the takers got here: every block before this one is theirs too
                    }
                    continue;
                }
                if (state.compareAndSet(i, tag | DIRTY, tag | ZEROING)) {
                    long start = blocks[i] - base + HEADER_BYTES;   // read after the claim: this round's block
                    try {
                        heap.asSlice(start, blockBytes - HEADER_BYTES).fill((byte) 0);
                    } catch (RuntimeException e) {   // the heap went away under us: the takers zero, as without a reserve
                        state.set(i, tag | DIRTY);
                        return;
                    }
                    state.set(i, tag | ZEROED);
                }
            }
        }
    }

    /** Whether a zeroer thread may write {@code heap} (a shared arena's segment; not a confined one). */
    public static boolean possible(MemorySegment heap) {
        return heap.isAccessibleBy(new Thread(() -> { }));
    }

    /**
     * Stops the zeroer thread and waits for it (it finishes at most one block), so that the heap may
     * be freed after. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(zeroer);
        boolean interrupted = false;
        while (zeroer.isAlive()) {
            try {
                zeroer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
