package dev.parallax.gc.collectors.marksweep;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.space.FreeList;
import dev.parallax.gc.collectors.trace.Marker;

/**
 * Stop-the-world, non-moving mark-sweep (McCarthy 1960) over segregated free lists.
 *
 * <pre>
 * collect = prepare; markRoots; traceLive; sweep; release
 * </pre>
 * Marking sets the header MARK bit and uses an explicit mark stack; sweeping walks the heap once,
 * clears the marks of live objects and coalesces every run of dead objects and free space into one
 * free chunk. Allocation hands out whole or split free chunks as thread-local buffers.
 *
 * <p>Cost: marking is proportional to the live graph, sweeping to the heap size. Objects never move,
 * so pinning is free and conservative roots need nothing more.
 */
public final class MarkSweepCollector implements Collector {
    public static final String NAME = "mark-sweep";

    private ObjectModel objects;
    private FreeList free;
    private Marker marker;
    private long liveObjects;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return CollectorConstraints.NON_MOVING;
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        this.free = new FreeList(objects);
        this.marker = new Marker(objects, tags);
        free.addFree(objects.base(), objects.limit(), false);
    }

    @Override
    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return free.refill(buffer, minBytes, preferredBytes);
    }

    @Override
    public synchronized long allocateLarge(long bytes) {
        return free.allocate(bytes);
    }

    @Override
    public void collect(CollectionScope scope) {
        prepare(scope);
        markRoots(scope);
        traceLive(scope);
        sweep(scope);
        release(scope);
    }

    /** No object is marked on entry (the previous sweep cleared every mark). */
    private void prepare(CollectionScope scope) {
        scope.phase(GcPhase.PREPARE);
        marker.reset();
    }

    /** Every object a root names is marked and grey. */
    private void markRoots(CollectionScope scope) {
        scope.phase(GcPhase.MARK_ROOTS);
        scope.scanRoots(marker);
    }

    /** Every object reachable from a root is marked; the mark stack is empty. */
    private void traceLive(CollectionScope scope) {
        scope.phase(GcPhase.TRACE_LIVE);
        marker.drain();
    }

    /** Marks are cleared; every unmarked cell is in a free chunk; the heap is parsable. */
    private void sweep(CollectionScope scope) {
        scope.phase(GcPhase.SWEEP);
        boolean poison = scope.poisonFreedMemory();
        free.clear();
        long limit = objects.limit();
        long runStart = 0; // start of the current run of dead cells, 0 when the last cell was live
        long previous = 0;
        for (long cell = objects.base(); cell < limit; ) {
            long status = objects.status(cell);
            ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
            if (kind == null || cell + HeaderLayout.cellBytes(status) > limit) {
                throw new HeapCorruptionException(String.format(
                        "sweep: unparsable cell at 0x%x (status 0x%x) after the cell at 0x%x", cell, status, previous));
            }
            if ((status & HeaderLayout.MARK_BIT) != 0 && kind.isObject()) {
                objects.setStatus(cell, status & ~HeaderLayout.MARK_BIT);
                if (runStart != 0) {
                    free.addFree(runStart, cell, poison);
                    runStart = 0;
                }
            } else if (runStart == 0) {
                runStart = cell;
            }
            previous = cell;
            cell += HeaderLayout.cellBytes(status);
        }
        if (runStart != 0) {
            free.addFree(runStart, limit, poison);
        }
    }

    /** Records what the trace found. */
    private void release(CollectionScope scope) {
        scope.phase(GcPhase.RELEASE);
        liveObjects = marker.markedObjects();
    }

    @Override
    public long liveObjects() {
        return liveObjects;
    }

    @Override
    public synchronized HeapUsage usage() {
        long capacity = objects.limit() - objects.base();
        long freeBytes = free.freeBytes();
        return new HeapUsage(capacity, capacity - freeBytes, freeBytes, free.largestChunk());
    }
}
