package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.space.ConcurrentZeroer;

/**
 * The allocation side every free-list collector shares: the whole heap starts as one free chunk;
 * mutators take buffers and large blocks from the {@link FreeList} under this object's lock; the
 * account of the heap is read from the list.
 *
 * <p>A pause rebuilds the lists without the lock (a sweep, a compaction). So that {@link #usage()}
 * stays callable at any time, from any thread, a collector brackets every pause that touches the
 * lists with {@link #beginRebuild()} and {@link #endRebuild()}: in between, {@code usage()} and
 * {@link #freeBytes()} answer with the account taken when the rebuild began and never read the
 * lists, which may lead through memory the pause has already reused.
 *
 * <p>With {@link #zeroAhead}, the first buffer refill after each rebuild carves every buffer-sized
 * chunk it can out of the lists into a {@link ConcurrentZeroer}, whose thread zeroes them while the
 * mutators run; refills hand them out in that order, most of them already zero.
 * {@link #beginRebuild()} puts the ones not taken back into the lists (adjacent ones as one chunk),
 * as does an allocation the lists cannot serve without them.
 */
public final class FreeListSpace {
    private final ObjectModel objects;
    private final FreeList free;
    /** Guarded by this: true between beginRebuild and endRebuild. */
    private boolean rebuilding;
    /** Guarded by this: the account as the current rebuild began. */
    private HeapUsage beforeRebuild;
    /** Guarded by this: buffer-sized chunks zeroed ahead of the refills ({@link #zeroAhead}), or null. */
    private ConcurrentZeroer zeroer;
    /** Guarded by this: whether the next refill fills the zeroer's round (after each rebuild). */
    private boolean zeroerWanted;
    /** Guarded by this: the size the zeroer's chunks were carved to this cycle (each is at least that). */
    private long zeroerChunkBytes;
    private final long[] zeroedFrom = new long[1];
    private final AllocationBuffer carved = new AllocationBuffer();

    public FreeListSpace(ObjectModel objects) {
        this.objects = objects;
        this.free = new FreeList(objects);
        free.addFree(objects.base(), objects.limit(), false);
    }

    /** The lists themselves, for the collector's sweep or compaction (between beginRebuild and endRebuild). */
    public FreeList list() {
        return free;
    }

    /**
     * The collector is about to change the lists without the lock: the chunks zeroed ahead go back
     * into them, and readers get the account as of now.
     */
    public synchronized void beginRebuild() {
        returnZeroed();
        beforeRebuild = account();
        rebuilding = true;
    }

    /** The lists are consistent again: readers see them, and the next refill zeroes ahead (if on). */
    public synchronized void endRebuild() {
        rebuilding = false;
        beforeRebuild = null;
        zeroerWanted = zeroer != null;
    }

    /**
     * From now on, buffer refills take chunks a background thread (named {@code threadName}) zeroed
     * while the mutators ran, up to {@code maxChunks} a cycle.
     *
     * @return false, and nothing changes, when the heap is one other threads may not access
     */
    public synchronized boolean zeroAhead(int maxChunks, String threadName) {
        if (zeroer != null) {
            throw new IllegalStateException("this free-list space already zeroes ahead");
        }
        if (!ConcurrentZeroer.possible(objects.heap())) {
            return false;
        }
        zeroer = new ConcurrentZeroer(objects, maxChunks, threadName);
        zeroerWanted = true;
        return true;
    }

    /**
     * A buffer of at least {@code minBytes}, {@code preferredBytes} when a chunk that large is free
     * (see {@link FreeList#refill}); with zeroing ahead, a buffer-sized request gets the zeroer's next
     * chunk, known zero from past its header when the zeroer got there first. False when none fits.
     */
    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        if (zeroer != null && minBytes <= preferredBytes) {
            if (zeroerWanted) {   // the first refill after a rebuild: outside the pause
                zeroerWanted = false;
                fillZeroer(preferredBytes);
            }
            int chunk = minBytes <= zeroerChunkBytes ? zeroer.take(zeroedFrom) : -1;
            if (chunk >= 0) {
                buffer.reset(zeroer.start(chunk), zeroer.end(chunk), zeroedFrom[0]);
                return true;
            }
        }
        if (free.refill(buffer, minBytes, preferredBytes)) {
            return true;
        }
        return returnZeroed() && free.refill(buffer, minBytes, preferredBytes);
    }

    /**
     * Carves chunks of {@code bytes} from the lists for the zeroer, as many as they hold (keeping a
     * quarter in the lists measured 10-20 ms a GCBench body slower: fewer refills came zeroed).
     */
    private void fillZeroer(long bytes) {
        zeroerChunkBytes = bytes;
        zeroer.beginRound();
        for (int n = 0; n < zeroer.capacity() && free.refill(carved, bytes, bytes); n++) {
            zeroer.add(carved.cursor(), carved.limit());
            carved.clear();
        }
        zeroer.publish();
    }

    /** The zeroer's chunks not taken go back into the lists, adjacent ones as one; true if there were any. */
    private boolean returnZeroed() {
        if (zeroer == null || zeroer.bytes() == 0) {
            return false;
        }
        zeroer.giveBack((start, end) -> free.addFree(start, end, false));
        return true;
    }

    public synchronized long allocate(long bytes) {
        long address = free.allocate(bytes);
        return address != 0 || !returnZeroed() ? address : free.allocate(bytes);
    }

    public synchronized long freeBytes() {
        return rebuilding ? beforeRebuild.freeBytes() : free.freeBytes() + zeroedAheadBytes();
    }

    private long zeroedAheadBytes() {
        return zeroer == null ? 0 : zeroer.bytes();
    }

    /** Buffers handed out already zero, since {@link #zeroAhead}. */
    public synchronized long zeroedAhead() {
        return zeroer == null ? 0 : zeroer.takenZeroed();
    }

    /** Stops the zeroer thread, if any (its chunks stay with the heap). */
    public synchronized void closeZeroer() {
        if (zeroer != null) {
            zeroer.close();
        }
    }

    /** The account of the heap; during a rebuild, the one taken when it began. */
    public synchronized HeapUsage usage() {
        return rebuilding ? beforeRebuild : account();
    }

    private HeapUsage account() {
        long capacity = objects.limit() - objects.base();
        long freeBytes = free.freeBytes() + zeroedAheadBytes();
        long largest = Math.max(free.largestChunk(), zeroer == null ? 0 : zeroer.largestRunBytes());
        return new HeapUsage(capacity, capacity - freeBytes, freeBytes, largest);
    }
}
