package dev.parallax.gc.collectors.incremental;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.space.FreeListSpace;
import dev.parallax.gc.collectors.space.Sweeper;
import dev.parallax.gc.collectors.trace.HeaderMarkBits;
import dev.parallax.gc.collectors.trace.Marker;
import dev.parallax.gc.collectors.trace.MarkerReferences;

import java.util.Map;

/**
 * Incremental tri-colour mark-sweep, in the style of gc-arena and Lua: a cycle is a sequence of
 * short stop-the-world increments paced by allocation, instead of one long pause.
 *
 * <pre>
 * IDLE --(heap use passes the trigger)--> startCycle: markRoots          (snapshot of the roots)
 * MARKING: markIncrement = drain the barrier log; scan up to budget grey objects
 *          --(no grey object left)--> finishMarking
 * SWEEPING: sweepIncrement = sweep up to sweep-budget bytes, rebuilding free lists behind the cursor
 *          --(cursor at the heap end)--> IDLE
 * </pre>
 * Colours: white = unmarked, grey = marked and on the mark stack, black = marked and scanned. New
 * objects are allocated black while marking ({@link #allocationHeaderBits}) and white while sweeping
 * (they can only come from chunks the sweep has already passed). The {@link SatbBarrier} keeps the
 * snapshot invariant: every object reachable when the cycle began gets marked.
 *
 * <p>When allocation outruns the cycle (a refill fails while a cycle runs), the runtime asks for a
 * full collection: the cycle is finished stop-the-world and counted as a fallback. A full collection
 * always ends with a fresh complete cycle, so afterwards exactly the reachable objects remain.
 */
public final class IncrementalCollector implements Collector {
    public static final String NAME = "incremental";

    private enum State { IDLE, MARKING, SWEEPING }

    private final IncrementalOptions options;
    private ObjectModel objects;
    private FreeListSpace space;
    private Sweeper sweeper;
    private Marker marker;
    private SatbBarrier barrier;
    private State state = State.IDLE;
    private long allocationBits;
    private long bytesSinceIncrement;
    private long liveObjects = -1;
    private long incrementalCycles;
    private long fullCycles;
    private long increments;
    private long fallbacks;

    @Inject
    public IncrementalCollector(GcConfig config) {
        this(IncrementalOptions.from(config));
    }

    public IncrementalCollector(IncrementalOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorConstraints constraints() {
        return new CollectorConstraints(false, true, true, options.barrier() ? "satb" : "off (unsafe)");
    }

    @Override
    public void initialize(ObjectModel objects, TagScheme tags) {
        this.objects = objects;
        this.space = new FreeListSpace(objects);
        this.sweeper = new Sweeper(objects, space.list());
        this.marker = new Marker(objects, tags, new HeaderMarkBits(objects)); // black allocation sets the header bit
        this.barrier = new SatbBarrier(tags);
    }

    @Override
    public WriteBarrier writeBarrier() {
        return options.barrier() ? barrier : null;
    }

    @Override
    public long allocationHeaderBits() {
        return allocationBits;
    }

    @Override
    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        if (!space.refill(buffer, minBytes, preferredBytes)) {
            return false;
        }
        bytesSinceIncrement += buffer.remaining();
        return true;
    }

    @Override
    public synchronized long allocateLarge(long bytes) {
        long a = space.allocate(bytes);
        bytesSinceIncrement += a != 0 ? bytes : 0;
        return a;
    }

    /**
     * Idle: due once heap use passes the trigger. Marking: due every {@code step} bytes allocated.
     * Sweeping: also due whenever the swept free lists run low, so that allocation sweeps ahead of
     * itself instead of failing into a stop-the-world fallback.
     */
    @Override
    public synchronized boolean incrementDue() {
        return switch (state) {
            case IDLE -> {
                long capacity = objects.limit() - objects.base();
                yield capacity - space.freeBytes() >= options.triggerRatio() * capacity;
            }
            case MARKING -> bytesSinceIncrement >= options.stepBytes();
            case SWEEPING -> bytesSinceIncrement >= options.stepBytes() || space.freeBytes() < options.stepBytes();
        };
    }

    @Override
    public void collectIncrement(CollectionScope scope) {
        scope.collects("increment");
        increments++;
        bytesSinceIncrement = 0;
        space.beginRebuild();
        try {
            switch (state) {
                case IDLE -> {
                    incrementalCycles++;
                    startCycle(scope);
                }
                case MARKING -> markIncrement(scope, options.markBudget());
                case SWEEPING -> sweepIncrement(scope, options.sweepBudget());
            }
        } finally {
            space.endRebuild();
        }
    }

    /** A full collection: finish any cycle in progress, then run one complete cycle. */
    @Override
    public void collect(CollectionScope scope) {
        space.beginRebuild();
        try {
            if (state != State.IDLE) {
                if (scope.reason().contains("allocation")) {
                    fallbacks++;
                }
                finishCycle(scope);
            }
            fullCycles++;
            startCycle(scope);
            finishCycle(scope);
        } finally {
            space.endRebuild();
        }
    }

    private void finishCycle(CollectionScope scope) {
        if (state == State.MARKING) {
            markIncrement(scope, Long.MAX_VALUE);
        }
        if (state == State.SWEEPING) {
            sweepIncrement(scope, Long.MAX_VALUE);
        }
    }

    /** Roots are grey, new objects are black, the barrier logs deleted references. */
    private void startCycle(CollectionScope scope) {
        scope.phase(GcPhase.PREPARE);
        marker.reset();
        marker.inPause(scope);
        scope.phase(GcPhase.MARK_ROOTS);
        scope.scanRoots(marker);
        state = State.MARKING;
        allocationBits = HeaderLayout.MARK_BIT;
        barrier.setMarking(true);
    }

    /** Grey objects logged by the barrier or left on the stack are scanned, up to the budget. */
    private void markIncrement(CollectionScope scope, long budget) {
        scope.phase(GcPhase.TRACE_LIVE);
        marker.inPause(scope);
        barrier.drainTo(marker::shade);
        if (marker.drain(budget)) {
            scope.processReferences(new MarkerReferences(marker, () -> barrier.drainTo(marker::shade)));
            finishMarking();
            // refill the free lists before allocation resumes: the sweep's own budget, in bytes (the
            // marking budget counts objects and has nothing to say about it)
            sweepIncrement(scope, options.sweepBudget());
        }
    }

    /** Marking is complete: from here on the unmarked objects are garbage and new objects are white. */
    private void finishMarking() {
        barrier.setMarking(false);
        allocationBits = 0;
        liveObjects = marker.markedObjects();
        sweeper.start(); // chunks not yet handed out are unmarked cells: the sweep finds them again
        state = State.SWEEPING;
    }

    /**
     * Cells below the cursor are swept: marks cleared, dead runs coalesced into free chunks. Sweeps
     * at least {@code budget} bytes, and on until {@code step} bytes are free, so the allocation that
     * asked for this step finds room.
     */
    private void sweepIncrement(CollectionScope scope, long budget) {
        scope.phase(GcPhase.SWEEP);
        if (sweeper.sweep(budget, options.stepBytes(), scope.poisonFreedMemory())) {
            state = State.IDLE;
        }
    }

    @Override
    public long liveObjects() {
        return liveObjects;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("incremental-cycles", incrementalCycles, "full-cycles", fullCycles, "increments", increments,
                "stw-fallbacks", fallbacks);
    }

    @Override
    public boolean isIncremental() {
        return true;
    }

    /** Whether a cycle has started and not yet finished sweeping. */
    public boolean cycleInProgress() {
        return state != State.IDLE;
    }

    /** Full collections forced because allocation outran an incremental cycle. */
    public long fallbacks() {
        return fallbacks;
    }

    @Override
    public HeapUsage usage() {
        return space.usage();
    }
}
