package dev.parallax.gc.collectors.immix;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
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
import dev.parallax.gc.toolkit.space.ImmixAllocator;
import dev.parallax.gc.toolkit.space.ImmixSpace;
import dev.parallax.gc.toolkit.space.ImmortalSpace;
import dev.parallax.gc.toolkit.space.LargeObjectSpace;
import dev.parallax.gc.toolkit.space.Space;
import dev.parallax.gc.toolkit.trace.ParallelTrace;

import java.util.List;
import java.util.Map;

/**
 * Mark-region collection after Immix (Blackburn and McKinley, PLDI 2008), built from the toolkit:
 * an Immix space (32 KiB blocks of 256-byte lines) for ordinary objects, a large-object space for
 * objects over a quarter block and non-moving ones, an immortal space.
 *
 * <pre>
 * collect = prepare [chooseEvacuation]; traceRoots (pinning roots first); traceLive; release
 * </pre>
 * Marking sets an object's mark bit and the marks of the lines it covers; release gives empty blocks
 * back and leaves the others' runs of free lines as holes that mutators bump-allocate into. When the
 * last collection left many sparse blocks (option {@code immix.defrag}), the next one evacuates the
 * unpinned survivors of the sparsest blocks into fresh ones: defragmentation without a compaction
 * pass. A collection without evacuation traces on {@code immix.workers} GC threads; one with
 * evacuation copies, on the collecting thread alone. Pins are respected: conservative roots are
 * visited before any object moves. With {@code immix.zeroing=concurrent} (the default) mutators'
 * fresh blocks come from a {@link dev.parallax.gc.toolkit.space.ZeroingReserve} (filled by the
 * first fresh block after a pause, zeroed by a background thread while the mutators run); each
 * collection starts by giving its untaken blocks back.
 */
public final class ImmixCollector implements Collector {
    public static final String NAME = "immix";

    private final ImmixOptions options;
    private PageResource pages;
    private ImmixSpace immix;
    private LargeObjectSpace large;
    private ImmortalSpace immortal;
    private List<Space> spaces;
    private ParallelTrace trace;
    private boolean evacuating;
    private long liveObjects;
    private long evacuations;
    private long evacuated;

    @Inject
    public ImmixCollector(GcConfig config) {
        this(ImmixOptions.from(config));
    }

    public ImmixCollector(ImmixOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return new CollectorConstraints(options.defrag() != ImmixOptions.Defrag.NEVER, false, true, "none");
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        pages = new PageResource(objects);
        immix = new ImmixSpace((byte) 1, "immix", pages);
        large = new LargeObjectSpace((byte) 2, "large", pages);
        immortal = new ImmortalSpace((byte) 3, "immortal", pages);
        spaces = List.of(immix, large, immortal);
        trace = new ParallelTrace(objects, tags, pages, options.workers(), "immix-gc");
        if (options.zeroAhead() && immix.zeroAhead(pages.pages() / ImmixSpace.BLOCK_PAGES, "immix-zeroer")) {
            immix.fillReserve(pages.freePages() / 4);
        }
        spaces.forEach(space -> {
            trace.tracer().add(space);
            trace.tracer().collect(space, true);
        });
    }

    @Override
    public MutatorContext createMutatorContext(ObjectModel objects, long preferredBufferBytes) {
        ImmixAllocator allocator = new ImmixAllocator(immix);
        return new SpaceContext(objects, ImmixSpace.MAX_OBJECT_BYTES) {
            @Override
            protected boolean refill(AllocationBuffer buffer, long bytes) {
                return allocator.refill(buffer, bytes);
            }

            @Override
            protected long allocateElsewhere(long bytes, AllocationSemantics semantics) {
                if (semantics == AllocationSemantics.IMMORTAL) {
                    return immortal.allocate(bytes);
                }
                long address = large.allocate(bytes);
                if (address == 0 && immix.reservedBytes() > 0) {
                    immix.returnReserve();   // the reserve's blocks are free pages a large object may need
                    address = large.allocate(bytes);
                }
                return address;
            }

            @Override
            public void reset() {
                allocator.reset();   // the hole map changed
            }
        };
    }

    @Override
    public void collect(CollectionScope scope) {
        immix.returnReserve();   // its blocks count as free pages, for evacuation's room and the sweep
        prepare(scope);
        traceRootsAndLive(scope);
        processReferences(scope);
        release(scope);
    }

    /** No object or line is marked; the sparsest blocks are evacuation candidates if this collection defragments. */
    private void prepare(CollectionScope scope) {
        scope.phase(GcPhase.PREPARE);
        evacuating = switch (options.defrag()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> immix.sparseBlocks() >= ImmixOptions.SPARSE_BLOCKS;
        };
        immix.atomicMarking(!evacuating && options.workers() > 1);
        spaces.forEach(Space::prepare);
        if (evacuating) {
            evacuating = immix.prepareDefrag(((long) pages.freePages() << PageResource.LOG_PAGE_BYTES) / 2) > 0;
            evacuations += evacuating ? 1 : 0;
        }
    }

    /**
     * Pinned objects are marked in place first (so that no word naming them goes stale), then every
     * object reachable from a slot is marked or, in a candidate block, moved; every slot and field
     * names where its object is now.
     */
    private void traceRootsAndLive(CollectionScope scope) {
        scope.phase(GcPhase.MARK_ROOTS);
        liveObjects = trace.trace(tracer -> {
            scope.scanRoots(tracer.pinningRootsOnly());
            scope.scanRoots(tracer.slotsOnly());
            scope.phase(GcPhase.TRACE_LIVE);
        }, evacuating ? 1 : options.workers());
        evacuated += immix.evacuated();
    }

    /** References to unmarked objects are cleared; what finalization and the soft policy keep is traced (one tracer). */
    private void processReferences(CollectionScope scope) {
        scope.processReferences(trace.tracer());
    }

    /**
     * Dead objects' lines become holes (blocks swept by the GC workers), empty blocks and dead large
     * objects go back; with {@code immix.zeroing=concurrent} the first fresh block after the pause
     * fills a reserve of up to three quarters of the free pages, which a background thread zeroes
     * while the mutators run.
     */
    private void release(CollectionScope scope) {
        scope.phase(GcPhase.RELEASE);
        spaces.forEach(space -> space.release(trace.pool()));
        immix.fillReserve(pages.freePages() / 4);
    }

    /**
     * The objects the last trace scanned. In release mode with several GC workers the Immix marks are
     * plain byte stores, so an object two workers reached at the same instant is counted twice
     * ({@link dev.parallax.gc.toolkit.space.ImmixSpace#atomicMarking}); debug mode counts exactly.
     */
    @Override
    public long liveObjects() {
        return liveObjects;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("evacuations", evacuations, "evacuated", evacuated, "blocks-last-gc", (long) immix.ownedBlocks(),
                "zeroed-ahead", immix.zeroedAhead());
    }

    @Override
    public HeapUsage usage() {
        long capacity = (long) pages.pages() << PageResource.LOG_PAGE_BYTES;
        long used = capacity - ((long) pages.freePages() << PageResource.LOG_PAGE_BYTES) - immix.freeLineBytes()
                - immix.reservedBytes();
        long objectBytes = immix.objectBytes() + large.objectBytes() + immortal.objectBytes();
        long largestFree = Math.max(pages.largestFreeRun(), immix.reservedLargestRun());
        return new HeapUsage(capacity, used, capacity - used, largestFree, objectBytes);
    }

    @Override
    public void close() {
        immix.closeReserve();
        trace.close();
    }
}
