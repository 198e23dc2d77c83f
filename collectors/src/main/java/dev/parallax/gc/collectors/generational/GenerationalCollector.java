package dev.parallax.gc.collectors.generational;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.AllocationSemantics;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.toolkit.alloc.SpaceContext;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;
import dev.parallax.gc.toolkit.space.CopySpace;
import dev.parallax.gc.toolkit.space.ImmixSpace;
import dev.parallax.gc.toolkit.space.ImmortalSpace;
import dev.parallax.gc.toolkit.space.LargeObjectSpace;
import dev.parallax.gc.toolkit.space.MarkSweepSpace;
import dev.parallax.gc.toolkit.space.SizeClasses;
import dev.parallax.gc.toolkit.space.Space;
import dev.parallax.gc.toolkit.trace.ParallelTrace;
import dev.parallax.gc.toolkit.trace.Tracer;

import java.util.List;
import java.util.Map;

/**
 * Generational collection built from the toolkit: a copying nursery whose survivors are promoted
 * into a mature space (Immix by default, segregated-fit mark-sweep with
 * {@code generational.mature=mark-sweep}: MMTk's GenImmix and GenMS), beside a large-object space
 * and an immortal space; an
 * object-remembering write barrier records mature objects that come to point into the nursery.
 *
 * <pre>
 * minor = prepareNursery; traceKept; traceRoots; traceRememberedSet; traceLive; releaseNursery
 * full  = prepareAll;     traceRoots;                     traceLive; releaseAll
 * </pre>
 * Mutators bump-allocate in the nursery; when it reaches its budget (its share of the heap,
 * {@code generational.nursery}, or less under a pause goal, {@code generational.pause-goal-ms}: see
 * {@link NurserySizer}), a minor collection copies its reachable objects into the mature
 * space, treating the remembered objects as extra roots and leaving every mature object alone
 * (an incremental step, {@code collectStep}, asks for one). A full collection (asked for with
 * {@code collect}, or when the mature space has no room for two nurseries' worth of survivors) marks
 * the whole heap and empties the nursery too. Nursery objects a conservative root or an API pin
 * names stay where they are, promoted in place: until the next full collection every minor one
 * keeps and scans them, since no barrier saw the pointers to them or the stores into them.
 *
 * <p>With an Immix mature space, collections trace on {@code generational.workers} GC threads: the
 * nursery forwards by compare-and-set, each worker promotes through its own buffer, the mature space
 * marks atomically and is swept by all of them. With a mark-sweep mature space, on one.
 *
 * <p>With {@code generational.zeroing=concurrent} (the default) the first refill after each pause
 * takes the nursery's next budget of blocks, which a background thread zeroes while the mutators
 * run (a {@link dev.parallax.gc.toolkit.space.ZeroingReserve}); each pause starts by giving back
 * the ones not taken.
 */
public final class GenerationalCollector implements Collector {
    public static final String NAME = "generational";
    /** Objects bigger than this go straight to the large-object space (both mature spaces take up to it). */
    public static final long LARGE_OBJECT_BYTES = Math.min(ImmixSpace.MAX_OBJECT_BYTES, SizeClasses.MAX_CELL_BYTES);

    private static final byte NURSERY = 1;

    private final GenerationalOptions options;
    private PageResource pages;
    private CopySpace nursery;
    private MatureSpace mature;
    private LargeObjectSpace large;
    private ImmortalSpace immortal;
    private List<Space> spaces;
    private ParallelTrace trace;
    /** Worker 0's tracer: the one that visits roots, processes references, and traces full collections. */
    private Tracer tracer;
    /** GC workers that trace a collection (one when the mature space cannot take copies from several). */
    private int workers;
    private RememberingBarrier barrier;
    /** The nursery's budget: its share of the heap, or less under a pause goal. */
    private NurserySizer sizer;
    /** Bytes of nursery blocks kept by the last collection (they hold pinned survivors); not part of the budget. */
    private long keptBytes;
    private long liveObjects;
    private long minors;
    private long keptScanned;
    private long fulls;

    @Inject
    public GenerationalCollector(GcConfig config) {
        this(GenerationalOptions.from(config));
    }

    public GenerationalCollector(GenerationalOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return new CollectorConstraints(true, true, true, options.barrier() ? "object-remembering" : "off (unsafe)");
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        pages = new PageResource(objects);
        nursery = new CopySpace(NURSERY, "nursery", pages);
        mature = options.matureMarkSweep() ? new MatureSpace.MarkSweep(new MarkSweepSpace((byte) 2, "mature", pages))
                : new MatureSpace.Immix(new ImmixSpace((byte) 2, "mature", pages), options.workers());
        large = new LargeObjectSpace((byte) 3, "large", pages);
        immortal = new ImmortalSpace((byte) 4, "immortal", pages);
        spaces = List.of(nursery, mature.space(), large, immortal);
        nursery.copyTo(mature.promotions());
        workers = mature.parallelPromotion() ? options.workers() : 1;
        nursery.parallelCopying(workers > 1);
        mature.markAtomically(workers > 1);
        trace = new ParallelTrace(objects, tags, pages, workers, "generational-gc");
        tracer = trace.tracer();
        spaces.forEach(tracer::add);
        barrier = new RememberingBarrier(tags, pages, NURSERY, new SideBits(objects.base(), objects.limit(), 3));
        long maxBudget = (long) (objects.capacity() * options.nurseryFraction());
        sizer = new NurserySizer(maxBudget, options.pauseGoalNanos());
        if (options.zeroAhead()
                && nursery.zeroAhead(Math.toIntExact(maxBudget / CopySpace.BLOCK_BYTES) + 1, "generational-zeroer")) {
            nursery.fillReserve(sizer.budget(), 0);
        }
    }

    @Override
    public WriteBarrier writeBarrier() {
        return options.barrier() ? barrier : null;
    }

    /**
     * Mutators bump-allocate in the nursery up to its budget (then a collection is due); when the
     * heap has no free pages for a nursery block although the budget allows one, they allocate into
     * the mature space's free lines or cells instead (pretenuring: those objects are old from birth, and the
     * barrier logs young pointers stored into them like any other mature object). Large objects go
     * to the large-object space, or, when no run of pages is free, into the mature space if it has room.
     */
    @Override
    public MutatorContext createMutatorContext(ObjectModel objects, long preferredBufferBytes) {
        return new SpaceContext(objects, LARGE_OBJECT_BYTES) {
            private final MatureSpace.Pretenure pretenure = mature.pretenure();
            private final AllocationBuffer hole = new AllocationBuffer();

            @Override
            protected boolean refill(AllocationBuffer buffer, long bytes) {
                if (nursery.committedBytes() - keptBytes + Math.max(bytes, preferredBufferBytes) > sizer.budget()) {
                    return false;
                }
                return nursery.refill(buffer, bytes, preferredBufferBytes) || pretenure.refill(buffer, bytes);
            }

            @Override
            protected long allocateElsewhere(long bytes, AllocationSemantics semantics) {
                if (semantics == AllocationSemantics.IMMORTAL) {
                    return immortal.allocate(bytes);
                }
                long address = large.allocate(bytes);
                if (address == 0 && nursery.reservedBytes() > 0) {
                    nursery.returnReserve();   // the nursery's zeroed blocks are free pages a large object may need
                    address = large.allocate(bytes);
                }
                return address != 0 || semantics != AllocationSemantics.DEFAULT ? address : intoMatureHole(bytes);
            }

            /** A big default object with no free pages left for it: room in the mature space, if it has some. */
            private long intoMatureHole(long bytes) {
                if (!pretenure.refill(hole, bytes)) {
                    return 0;
                }
                long address = hole.tryBump(bytes);
                if (hole.limit() > hole.cursor()) {
                    objects.formatFree(hole.cursor(), hole.limit() - hole.cursor(), 0);
                }
                hole.clear();
                return address;
            }

            @Override
            public void flush() {
                super.flush();
                pretenure.flush();
            }

            @Override
            public void reset() {
                pretenure.reset();
            }
        };
    }

    /** A minor collection answers allocation failures and stress collections when it can. */
    @Override
    public boolean mayCollectPartially() {
        return true;
    }

    /**
     * A minor collection when the allocator ran out (or stress mode asks) and one is possible; a full
     * one when asked for by any other reason ({@code collect}, {@code collectNow}) or when the mature
     * space is short of room.
     */
    @Override
    public void collect(CollectionScope scope) {
        nursery.returnReserve();   // its blocks count as free pages, for the choice and for promotion
        boolean minorWanted = scope.reason().equals("allocation failure") || scope.reason().equals("stress");
        if (!minorWanted || !minorPossible()) {
            fullCollection(scope);
        } else {
            minorCollection(scope);
        }
    }

    /** An incremental step is a minor collection (when one is possible): how a caller asks for one. */
    @Override
    public void collectIncrement(CollectionScope scope) {
        nursery.returnReserve();   // as in collect
        if (minorPossible()) {
            minorCollection(scope);
        } else {
            fullCollection(scope);
        }
    }

    /**
     * Room for two nurseries' worth of survivors in the mature space's free lines or cells and the
     * free pages, and kept nursery blocks leave room to allocate. Two, not one: a minor collection
     * uses up at most one nursery's worth, so the full collection that follows when room runs short
     * still finds room to promote every nursery survivor, rather than leaving them in place where
     * every later minor collection would have to scan them. Under a pause goal also room for the
     * next nursery, which the mutators fill from the same free pages before that full collection
     * comes: survivors left in place would break the goal (every minor collection scans them, the
     * first with code the JIT compiled without that path).
     */
    private boolean minorPossible() {
        long room = mature.freeBytes() + ((long) pages.freePages() << PageResource.LOG_PAGE_BYTES);
        long needed = 2 * nursery.committedBytes() + (options.pauseGoalNanos() > 0 ? sizer.budget() : 0);
        return room >= needed && keptBytes <= sizer.budget() / 2;
    }

    /**
     * The roots of a minor collection (kept objects, stacks and globals, the remembered set) are
     * traced on this thread; then the workers copy everything live out of the nursery.
     */
    private void minorCollection(CollectionScope scope) {
        long start = System.nanoTime();
        minors++;
        scope.collects("young");
        long[] kept = keptObjects();
        keptScanned += kept.length;
        prepare(scope, false);
        liveObjects = trace.trace(roots -> {
            traceKept(roots, kept);
            traceRoots(scope, roots);
            traceRememberedSet(roots);
            scope.phase(GcPhase.TRACE_LIVE);
        }, workers);
        processReferences(scope);
        sizer.minorDone(nursery.copiedBytes(), System.nanoTime() - start);   // before release asks for the next budget
        release(scope, false);
    }

    /** Every space is traced, by the workers: the mature space marks (atomically) while nursery survivors are promoted into it. */
    private void fullCollection(CollectionScope scope) {
        fulls++;
        prepare(scope, true);
        liveObjects = trace.trace(roots -> {
            traceRoots(scope, roots);
            scope.phase(GcPhase.TRACE_LIVE);
        }, workers);
        processReferences(scope);
        release(scope, true);
    }

    /** The nursery objects earlier collections left in place: they count as mature until a full collection. */
    private long[] keptObjects() {
        java.util.stream.LongStream.Builder kept = java.util.stream.LongStream.builder();
        nursery.forEachKept(kept::add);
        return kept.build().toArray();
    }

    /**
     * The nursery's blocks become from-space; a full collection also forgets every mark of the other
     * spaces.
     */
    private void prepare(CollectionScope scope, boolean full) {
        scope.phase(GcPhase.PREPARE);
        for (Space space : spaces) {
            tracer.collect(space, full || space == nursery);
            if (full || space == nursery) {
                space.prepare();
            }
        }
    }

    /** Objects the roots name in the collected spaces are copied or marked; pinned ones stay first. */
    private void traceRoots(CollectionScope scope, Tracer roots) {
        scope.phase(GcPhase.MARK_ROOTS);
        scope.scanRoots(roots.pinningRootsOnly());
        scope.scanRoots(roots.slotsOnly());
    }

    /**
     * Kept nursery objects stay (promoted in place) and are scanned: no barrier logs stores into
     * them or pointers to them. First, as pinning roots are: no slot may copy one before it is pinned.
     */
    private void traceKept(Tracer roots, long[] kept) {
        for (long object : kept) {
            roots.visitPinningRoot(object);
        }
    }

    /** Mature objects that came to point into the nursery are scanned as roots: their nursery targets survive. */
    private void traceRememberedSet(Tracer roots) {
        barrier.drainTo(roots::scanObject);
    }

    /**
     * References whose referent died in the collected spaces are cleared, the others name the
     * copies; a minor collection counts every old object live, so only young referents can die.
     */
    private void processReferences(CollectionScope scope) {
        scope.processReferences(tracer);
    }

    /**
     * The nursery's evacuated blocks go back; a full collection also sweeps the mature space (on the
     * GC workers) and the large-object space. The nursery's next budget of blocks is then asked for
     * (with {@code generational.zeroing=concurrent}: taken by the first refill after the pause and
     * zeroed by a background thread while the mutators run).
     */
    private void release(CollectionScope scope, boolean full) {
        scope.phase(GcPhase.RELEASE);
        mature.closePromotion();
        nursery.release();
        if (full) {
            mature.space().release(trace.pool());
            large.release();
            immortal.release();
        }
        if (full) {
            barrier.forget();
            mature.resetPromotion();
        }
        keptBytes = nursery.committedBytes();
        nursery.fillReserve(sizer.budget(), 0);   // the next budget's blocks, zeroed while the mutators run
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
        return Map.of("minor", minors, "full", fulls, "remembered", barrier.logs(),
                "nursery-kept", nursery.stayedForLackOfRoom(), "kept-scanned", keptScanned,
                "zeroed-ahead", nursery.zeroedAhead(), "nursery-kib-last-gc", sizer.budget() >> 10);
    }

    @Override
    public void close() {
        nursery.closeReserve();
        trace.close();
    }

    @Override
    public HeapUsage usage() {
        long capacity = (long) pages.pages() << PageResource.LOG_PAGE_BYTES;
        long used = capacity - ((long) pages.freePages() << PageResource.LOG_PAGE_BYTES) - mature.freeBytes()
                - nursery.reservedBytes();
        long objectBytes = nursery.objectBytes() + mature.space().objectBytes() + large.objectBytes() + immortal.objectBytes();
        long largestFree = Math.max(pages.largestFreeRun(), nursery.reservedLargestRun());
        return new HeapUsage(capacity, used, capacity - used, largestFree, objectBytes);
    }
}
