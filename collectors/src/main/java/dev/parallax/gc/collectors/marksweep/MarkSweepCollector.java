package dev.parallax.gc.collectors.marksweep;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.space.FreeListSpace;
import dev.parallax.gc.collectors.space.Sweeper;
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

    private FreeListSpace space;
    private Sweeper sweeper;
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
        this.space = new FreeListSpace(objects);
        this.sweeper = new Sweeper(objects, space.list());
        this.marker = new Marker(objects, tags);
    }

    @Override
    public boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        return space.refill(buffer, minBytes, preferredBytes);
    }

    @Override
    public long allocateLarge(long bytes) {
        return space.allocate(bytes);
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
        sweeper.start();
        sweeper.sweep(Long.MAX_VALUE, 0, scope.poisonFreedMemory());
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
    public HeapUsage usage() {
        return space.usage();
    }
}
