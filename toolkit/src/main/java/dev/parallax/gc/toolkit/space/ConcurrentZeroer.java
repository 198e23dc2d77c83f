package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A round of free regions that a background thread zeroes while the mutators run and take them in
 * order (concurrent zeroing: Yang et al., "Why nothing matters: the impact of zeroing", OOPSLA
 * 2011): the core that {@link ZeroingReserve} (page-resource blocks) and a free-list space's
 * zeroing ahead share. A space's refill then hands out a region that is already zero and the
 * mutator writes only object headers into it, instead of zeroing it on its own critical path.
 * Meant for a machine with a core the mutators leave idle.
 *
 * <p>Each region is a FREE cell while it waits (the heap stays parsable): the zeroer zeroes all of
 * it but the cell's first {@link #HEADER_BYTES}. States, changed by compare-and-set only:
 * <pre>
 * DIRTY --zeroer--> ZEROING --zeroer--> ZEROED
 * DIRTY or ZEROED --take or giveBack--> TAKEN
 * </pre>
 * so a region is zeroed only while nobody else holds it, and the zeroer's stores happen before the
 * volatile state write that a taker reads. Each state carries its round (one per
 * {@link #beginRound}): a zeroer still walking an old round cannot claim a slot that a new round
 * reused for another region. The zeroer works from the last region back, takers from the first on:
 * they meet once per round.
 *
 * <p>Threads: every method but {@link #close} is called under the owning space's lock; the zeroer
 * thread is this object's own. Cost to the mutator: one compare-and-set per region taken. An owner
 * must take the regions back ({@link #giveBack}) at the start of every pause: a collection must see
 * them as free space, and nothing but the takers and this zeroer may write them.
 */
public final class ConcurrentZeroer implements AutoCloseable {
    /** The bytes at a waiting region's start that hold its FREE cell header and link: never zeroed here. */
    public static final long HEADER_BYTES = HeaderLayout.LINK_OFFSET + HeaderLayout.WORD_BYTES;

    private static final int DIRTY = 0;
    private static final int ZEROING = 1;
    private static final int ZEROED = 2;
    private static final int TAKEN = 3;

    /** Where a given-back run of regions goes (a page resource, a free list). */
    @FunctionalInterface
    public interface RegionSink {
        void accept(long start, long end);
    }

    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long base;
    private final long[] starts;
    private final long[] ends;
    /** Per slot: {@code round << 2 | state}. */
    private final AtomicLongArray state;
    /** Regions in the current round; published to the zeroer by the volatile {@link #round}. */
    private int count;
    /** The next region a taker gets. */
    private int next;
    /** Bytes of the regions not yet taken. */
    private long untakenBytes;
    private volatile long round;
    private volatile boolean closed;
    private final Thread zeroer;
    /** Regions taken already zero: what zeroing ahead saved the mutators. */
    private long takenZeroed;

    /** Up to {@code maxRegions} regions a round; starts the zeroer thread, named {@code threadName}. */
    public ConcurrentZeroer(ObjectModel objects, int maxRegions, String threadName) {
        this.objects = objects;
        this.heap = objects.heap();
        this.base = objects.base();
        this.starts = new long[Math.max(1, maxRegions)];
        this.ends = new long[starts.length];
        this.state = new AtomicLongArray(starts.length);
        this.zeroer = new Thread(this::zeroLoop, threadName);
        if (!heap.isAccessibleBy(zeroer)) {
            throw new IllegalStateException("zeroing ahead needs a heap other threads may access (a shared arena)");
        }
        zeroer.setDaemon(true);
        zeroer.start();
    }

    /** Whether a zeroer thread may write {@code heap} (a shared arena's segment; not a confined one). */
    public static boolean possible(MemorySegment heap) {
        return heap.isAccessibleBy(new Thread(() -> { }));
    }

    /** The most regions one round holds. */
    public int capacity() {
        return starts.length;
    }

    /** Starts filling a new round; the last one must be empty ({@link #giveBack} first). */
    public void beginRound() {
        if (next < count) {
            throw new IllegalStateException("the zeroer still holds " + (count - next) + " regions");
        }
        count = 0;
        next = 0;
        untakenBytes = 0;
    }

    /**
     * Adds the free region {@code [start, end)} (at least {@link #HEADER_BYTES}) to the round being
     * filled, formatted as one free cell; at most {@link #capacity()} per round.
     */
    public void add(long start, long end) {
        objects.formatFree(start, end - start, 0);   // its own free cell: the heap parses as regions go
        starts[count] = start;
        ends[count] = end;
        state.set(count, (round + 1) << 2 | DIRTY);
        count++;
        untakenBytes += end - start;
    }

    /** Hands the round filled since {@link #beginRound} to the zeroer. */
    public void publish() {
        round = round + 1;   // publishes starts[], ends[] and count to the zeroer
        LockSupport.unpark(zeroer);
    }

    /**
     * The next region as its slot (read it with {@link #start} and {@link #end}), or -1 when none is
     * left; {@code zeroFrom[0]} is set to the address from which it is known zero (its end when the
     * zeroer has not reached it).
     */
    public int take(long[] zeroFrom) {
        if (next >= count) {
            return -1;
        }
        int i = next++;
        untakenBytes -= ends[i] - starts[i];
        if (claim(i) == ZEROED) {
            takenZeroed++;
            zeroFrom[0] = starts[i] + HEADER_BYTES;
        } else {
            zeroFrom[0] = ends[i];
        }
        return i;
    }

    public long start(int slot) {
        return starts[slot];
    }

    public long end(int slot) {
        return ends[slot];
    }

    /** Waits out a zeroing in progress, then makes slot {@code i} TAKEN; returns the state it had (DIRTY or ZEROED). */
    private int claim(int i) {
        long tag = round << 2;
        for (int spins = 0; ; spins++) {
            long word = state.get(i);
            int s = (int) (word & 3);
            if (word >>> 2 != round || s == TAKEN) {
                throw new IllegalStateException("zeroing slot " + i + " of round " + round + " reads " + (word >>> 2)
                        + "/" + s + ": taken twice");
            } else if (s == ZEROING) {
                if (spins < 1024) {
                    Thread.onSpinWait();   // the zeroer finishes one region: microseconds
                } else {
                    Thread.yield();   // unless it was descheduled: let it have a core
                }
            } else if (state.compareAndSet(i, word, tag | TAKEN)) {
                return s;
            }
        }
    }

    /**
     * Takes back every region not yet taken, in order, and hands {@code sink} each run of them that
     * lies end to end as one {@code [start, end)}.
     */
    public void giveBack(RegionSink sink) {
        long runStart = 0;
        long runEnd = 0;
        while (next < count) {
            int i = next++;
            claim(i);
            if (starts[i] != runEnd) {
                if (runEnd > runStart) {
                    sink.accept(runStart, runEnd);
                }
                runStart = starts[i];
            }
            runEnd = ends[i];
        }
        if (runEnd > runStart) {
            sink.accept(runStart, runEnd);
        }
        untakenBytes = 0;
    }

    /** Bytes in regions not yet taken (free room the space holds for its mutators). */
    public long bytes() {
        return untakenBytes;
    }

    /** Bytes in the longest run of adjacent regions not yet taken: free room in one piece. Cost: one pass. */
    public long largestRunBytes() {
        long best = 0;
        long run = 0;
        for (int i = next; i < count; i++) {
            long bytes = ends[i] - starts[i];
            run = i > next && starts[i] == ends[i - 1] ? run + bytes : bytes;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Regions handed to mutators already zeroed, since this zeroer was made. */
    public long takenZeroed() {
        return takenZeroed;
    }

    /** The zeroer: from the last region of each round back to the first, zeroing those still DIRTY; parks in between. */
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
            for (int i = Math.min(count, starts.length) - 1; i >= 0 && round == r && !closed; i--) {
                if (state.get(i) != (tag | DIRTY)) {
                    if (state.get(i) == (tag | TAKEN)) {
                        break;   // the takers got here: every region before this one is theirs too
                    }
                    continue;
                }
                if (state.compareAndSet(i, tag | DIRTY, tag | ZEROING)) {
                    long start = starts[i] - base + HEADER_BYTES;   // read after the claim: this round's region
                    try {
                        heap.asSlice(start, ends[i] - base - start).fill((byte) 0);
                    } catch (RuntimeException e) {   // the heap went away under us: the takers zero, as without a zeroer
                        state.set(i, tag | DIRTY);
                        return;
                    }
                    state.set(i, tag | ZEROED);
                }
            }
        }
    }

    /**
     * Stops the zeroer thread and waits for it (it finishes at most one region), so that the heap may
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
