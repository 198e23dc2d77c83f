package dev.parallax.gc.collectors.marksweep;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.CollectionScope;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.collectors.space.BitmapSweeper;
import dev.parallax.gc.collectors.space.FreeListSpace;
import dev.parallax.gc.collectors.space.Sweeper;
import dev.parallax.gc.collectors.trace.HeaderMarkBits;
import dev.parallax.gc.collectors.trace.MarkBitmap;
import dev.parallax.gc.collectors.trace.Marker;
import dev.parallax.gc.collectors.trace.MarkerReferences;

import java.util.Map;

/**
 * Stop-the-world, non-moving mark-sweep (McCarthy 1960) over segregated free lists.
 *
 * <pre>
 * collect = prepare; markRoots; traceLive; processReferences; sweep; release
 * </pre>
 * Marking uses an explicit mark stack and keeps its marks in a side bitmap (option
 * {@code mark-sweep.marks=bitmap}, the default) or in the header's MARK bit ({@code header}).
 * Sweeping coalesces every run of dead objects and free space into one free chunk: with the bitmap
 * it jumps from live object to live object, with header bits it walks every cell. Allocation hands
 * out free chunks as thread-local buffers.
 *
 * <p>With {@code mark-sweep.zeroing=concurrent} (the default) the first buffer refill after each
 * pause carves the free lists into buffer-sized chunks, which a background thread zeroes while the
 * mutators run ({@link FreeListSpace#zeroAhead}); {@code mutator}: each mutator zeroes the buffers
 * it gets.
 *
 * <p>Cost: marking is proportional to the live graph; sweeping to the live objects plus the bitmap
 * (1/512 of the heap's words), or to every cell with header bits. Objects never move, so pinning is
 * free and conservative roots need nothing more.
 */
public final class MarkSweepCollector implements Collector {
    public static final String NAME = "mark-sweep";
    public static final String MARKS_OPTION = "mark-sweep.marks";
    public static final String ZEROING_OPTION = "mark-sweep.zeroing";
    /** Heap bytes per chunk the zeroer can hold in one cycle (a cycle's chunks are buffer-sized, 32 KiB by default). */
    private static final long ZEROER_BYTES_PER_CHUNK = 16 << 10;

    /** Where the marks live. */
    public enum Marks { BITMAP, HEADER }

    private final Marks placement;
    private final boolean zeroAhead;
    private FreeListSpace space;
    private Marker marker;
    private BitmapSweeper bitmapSweeper;   // with bitmap marks
    private Sweeper cellSweeper;           // with header marks
    private long liveObjects;
    private MarkerReferences references;

    @Inject
    public MarkSweepCollector(GcConfig config) {
        this(marks(config.option(MARKS_OPTION, "bitmap")), zeroing(config.option(ZEROING_OPTION, "concurrent")));
    }

    public MarkSweepCollector() {
        this(Marks.BITMAP, true);
    }

    public MarkSweepCollector(Marks placement) {
        this(placement, true);
    }

    /** With {@code zeroAhead}, a background thread zeroes buffers ahead of the mutators' refills. */
    public MarkSweepCollector(Marks placement, boolean zeroAhead) {
        this.placement = placement;
        this.zeroAhead = zeroAhead;
    }

    private static Marks marks(String value) {
        return switch (value) {
            case "bitmap" -> Marks.BITMAP;
            case "header" -> Marks.HEADER;
            default -> throw new GcConfigException(MARKS_OPTION + ": '" + value + "' is not a mark placement; use "
                    + "bitmap or header");
        };
    }

    private static boolean zeroing(String value) {
        return switch (value) {
            case "concurrent" -> true;
            case "mutator" -> false;
            default -> throw new GcConfigException(ZEROING_OPTION + ": '" + value + "' is not a zeroing policy; use "
                    + "concurrent or mutator");
        };
    }

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
        if (placement == Marks.BITMAP) {
            MarkBitmap bitmap = new MarkBitmap(objects);
            this.marker = new Marker(objects, tags, bitmap);
            this.bitmapSweeper = new BitmapSweeper(objects, space.list(), bitmap);
        } else {
            this.marker = new Marker(objects, tags, new HeaderMarkBits(objects));
            this.cellSweeper = new Sweeper(objects, space.list());
        }
        this.references = new MarkerReferences(marker);
        if (zeroAhead) {
            space.zeroAhead(Math.toIntExact(Math.max(1, objects.capacity() / ZEROER_BYTES_PER_CHUNK)), "mark-sweep-zeroer");
        }
    }

    /** Where this collector keeps its marks. */
    public Marks marks() {
        return placement;
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
        space.beginRebuild();
        try {
            prepare(scope);
            markRoots(scope);
            traceLive(scope);
            processReferences(scope);
            sweep(scope);
            release(scope);
        } finally {
            space.endRebuild();
        }
    }

    /** No object is marked on entry (the previous sweep cleared every mark). */
    private void prepare(CollectionScope scope) {
        scope.phase(GcPhase.PREPARE);
        marker.reset();
        marker.inPause(scope);
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

    /** References to unmarked objects are cleared; what finalization and the soft policy keep is marked. */
    private void processReferences(CollectionScope scope) {
        scope.processReferences(references);
    }

    /** Marks are cleared; every unmarked cell is in a free chunk; the heap is parsable. */
    private void sweep(CollectionScope scope) {
        scope.phase(GcPhase.SWEEP);
        if (bitmapSweeper != null) {
            bitmapSweeper.sweep(scope.poisonFreedMemory());
        } else {
            cellSweeper.start();
            cellSweeper.sweep(Long.MAX_VALUE, 0, scope.poisonFreedMemory());
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
    public Map<String, Long> counters() {
        return zeroAhead ? Map.of("zeroed-ahead", space.zeroedAhead()) : Map.of();
    }

    @Override
    public HeapUsage usage() {
        return space.usage();
    }

    @Override
    public void close() {
        space.closeZeroer();
    }
}
