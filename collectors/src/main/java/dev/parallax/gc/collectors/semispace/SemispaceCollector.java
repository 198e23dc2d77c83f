package dev.parallax.gc.collectors.semispace;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.toolkit.alloc.SpaceContext;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.space.CopySpace;
import dev.parallax.gc.toolkit.space.ImmortalSpace;
import dev.parallax.gc.toolkit.space.LargeObjectSpace;
import dev.parallax.gc.toolkit.space.Space;
import dev.parallax.gc.toolkit.trace.Tracer;
import java.util.List;

/**
 * Copying collection between two semispaces (Cheney 1970), built from the toolkit: a copy space
 * for ordinary objects, a large-object space for big and non-moving ones, an immortal space.
 *
 * <pre>
 * collect = prepare; traceRoots; traceLive; processReferences; release
 * </pre>
 * Every collection copies the reachable objects out of the blocks mutators filled into fresh ones and
 * gives the old blocks back, so allocation is always a bump into empty memory and the live data ends
 * up compact. Half the heap's copy space is kept free as the copy reserve, so mutators may fill only
 * the other half. Objects a conservative root or an API pin names stay where they are, in blocks kept
 * until they empty (Bartlett's mostly-copying collection).
 */
public final class SemispaceCollector implements Collector {
    public static final String NAME = "semispace";
    /** Objects at least this big go to the large-object space, never copied. */
    public static final long LARGE_OBJECT_BYTES = 16 * 1024;

    private PageResource pages;
    private CopySpace copies;
    private LargeObjectSpace large;
    private ImmortalSpace immortal;
    private List<Space> spaces;
    private Tracer tracer;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return new CollectorConstraints(true, false, true, "none");
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        pages = new PageResource(objects);
        copies = new CopySpace((byte) 1, "copy", pages);
        large = new LargeObjectSpace((byte) 2, "large", pages);
        immortal = new ImmortalSpace((byte) 3, "immortal", pages);
        spaces = List.of(copies, large, immortal);
        tracer = new Tracer(objects, tags, pages);
        spaces.forEach(space -> {
            tracer.add(space);
            tracer.collect(space, true);
        });
    }

    @Override
    public MutatorContext createMutatorContext(ObjectModel objects, long preferredBufferBytes) {
        return new SpaceContext(objects, LARGE_OBJECT_BYTES - 1) {
            @Override
            protected boolean refill(AllocationBuffer buffer, long bytes) {
                long want = Math.max(bytes, preferredBufferBytes);
                return withinReserve(want) && copies.refill(buffer, bytes, preferredBufferBytes);
            }

            @Override
            protected long allocateElsewhere(long bytes, AllocationSemantics semantics) {
                if (semantics == AllocationSemantics.IMMORTAL) {
                    return immortal.allocate(bytes);
                }
                return withinReserve(bytes) ? large.allocate(bytes) : 0;
            }
        };
    }

    /** Whether {@code bytes} more can be allocated and every copy-space object still be copied. */
    private boolean withinReserve(long bytes) {
        long capacity = (long) pages.pages() << PageResource.LOG_PAGE_BYTES;
        long fixed = large.committedBytes() + immortal.committedBytes();
        return 2 * (copies.committedBytes() + bytes) + fixed <= capacity;
    }

    @Override
    public void collect(CollectionScope scope) {
        prepare(scope);
        traceRoots(scope);
        traceLive(scope);
        processReferences(scope);
        release(scope);
    }

    /** Every space forgets the last collection; the copy space's blocks become from-space. */
    private void prepare(CollectionScope scope) {
        scope.phase(GcPhase.PREPARE);
        spaces.forEach(Space::prepare);
        tracer.reset();
    }

    /** Pinned objects stay; every other object a root names is copied (or marked) and the root names its new address. */
    private void traceRoots(CollectionScope scope) {
        scope.phase(GcPhase.MARK_ROOTS);
        scope.scanRoots(tracer.pinningRootsOnly());
        scope.scanRoots(tracer.slotsOnly());
    }

    /** Every reachable object is copied, and every field names the copy. */
    private void traceLive(CollectionScope scope) {
        scope.phase(GcPhase.TRACE_LIVE);
        tracer.drain();
    }

    /** References to uncopied objects are cleared, the others name the copies; what finalization keeps is copied. */
    private void processReferences(CollectionScope scope) {
        scope.processReferences(tracer);
    }

    /** From-space blocks and dead large objects go back to the page resource. */
    private void release(CollectionScope scope) {
        scope.phase(GcPhase.RELEASE);
        spaces.forEach(Space::release);
    }

    @Override
    public long liveObjects() {
        return tracer.scanned();
    }

    @Override
    public HeapUsage usage() {
        long capacity = (long) pages.pages() << PageResource.LOG_PAGE_BYTES;
        long used = (long) pages.usedPages() << PageResource.LOG_PAGE_BYTES;
        long objectBytes = copies.objectBytes() + large.objectBytes() + immortal.objectBytes();
        return new HeapUsage(capacity, used, capacity - used, pages.largestFreeRun(), objectBytes);
    }
}
