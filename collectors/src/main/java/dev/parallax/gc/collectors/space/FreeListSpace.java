package dev.parallax.gc.collectors.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.object.ObjectModel;

/**
 * The allocation side every free-list collector shares: the whole heap starts as one free chunk;
 * mutators take buffers and large blocks from the {@link FreeList} under this object's lock; the
 * account of the heap is read from the list.
 */
public final class FreeListSpace {
    private final ObjectModel objects;
    private final FreeList free;

    public FreeListSpace(ObjectModel objects) {
        this.objects = objects;
        this.free = new FreeList(objects);
        free.addFree(objects.base(), objects.limit(), false);
    }

    /** The lists themselves, for the collector's sweep or compaction (world stopped, or under this lock). */
    public FreeList list() {
        return free;
    }

    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return free.refill(buffer, minBytes, preferredBytes);
    }

    public synchronized long allocate(long bytes) {
        return free.allocate(bytes);
    }

    public synchronized long freeBytes() {
        return free.freeBytes();
    }

    public synchronized HeapUsage usage() {
        long capacity = objects.limit() - objects.base();
        long freeBytes = free.freeBytes();
        return new HeapUsage(capacity, capacity - freeBytes, freeBytes, free.largestChunk());
    }
}
