package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.ObjectModel;

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
 */
public final class FreeListSpace {
    private final ObjectModel objects;
    private final FreeList free;
    /** Guarded by this: true between beginRebuild and endRebuild. */
    private boolean rebuilding;
    /** Guarded by this: the account as the current rebuild began. */
    private HeapUsage beforeRebuild;

    public FreeListSpace(ObjectModel objects) {
        this.objects = objects;
        this.free = new FreeList(objects);
        free.addFree(objects.base(), objects.limit(), false);
    }

    /** The lists themselves, for the collector's sweep or compaction (between beginRebuild and endRebuild). */
    public FreeList list() {
        return free;
    }

    /** The collector is about to change the lists without the lock: readers get the account as of now. */
    public synchronized void beginRebuild() {
        beforeRebuild = account();
        rebuilding = true;
    }

    /** The lists are consistent again: readers see them. */
    public synchronized void endRebuild() {
        rebuilding = false;
        beforeRebuild = null;
    }

    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return free.refill(buffer, minBytes, preferredBytes);
    }

    public synchronized long allocate(long bytes) {
        return free.allocate(bytes);
    }

    public synchronized long freeBytes() {
        return rebuilding ? beforeRebuild.freeBytes() : free.freeBytes();
    }

    /** The account of the heap; during a rebuild, the one taken when it began. */
    public synchronized HeapUsage usage() {
        return rebuilding ? beforeRebuild : account();
    }

    private HeapUsage account() {
        long capacity = objects.limit() - objects.base();
        long freeBytes = free.freeBytes();
        return new HeapUsage(capacity, capacity - freeBytes, freeBytes, free.largestChunk());
    }
}
