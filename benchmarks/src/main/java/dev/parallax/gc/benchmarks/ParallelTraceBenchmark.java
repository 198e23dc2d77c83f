package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.space.ImmixAllocator;
import dev.parallax.gc.toolkit.space.ImmixSpace;
import dev.parallax.gc.toolkit.trace.ParallelTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

/**
 * The mark rate of the toolkit's parallel trace (issue 10: two workers at least 1.6 times one) on
 * GCBench's long-lived tree: a complete binary tree of 2^17 - 1 nodes (40 bytes each, built bottom
 * up as GCBench's Populate leaves it, subtrees contiguous) in an Immix space of a 64 MiB release-mode
 * heap. One operation marks the tree from its root slot with {@code workers} GC workers: the space's
 * prepare (clearing the marks of its ~200 blocks) and the trace, nothing else; the sweep that follows
 * a real collection runs between operations, untimed.
 *
 * <p>Mark rate = 131,071 objects / the time of one operation. {@code ./parallax jmh ParallelTrace};
 * on a machine with more cores add {@code -p workers=1,2,4,8}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ParallelTraceBenchmark {
    /** The tree's nodes: what every operation must mark. */
    public static final long TREE_NODES = (1L << 17) - 1;

    @Param({"1", "2"})
    public int workers;

    /**
     * Marks with compare-and-set ({@code ImmixSpace.exactMarking}, as debug mode does with several
     * workers) instead of plain byte stores: {@code -p forceAtomic=true} shows what atomic marking costs.
     */
    @Param({"false"})
    public boolean forceAtomic;

    private Arena arena;
    private ObjectModel objects;
    private ImmixSpace immix;
    private ParallelTrace trace;
    private MemorySegment roots;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();   // the workers read the heap from their own threads
        objects = new ObjectModel(arena.allocate(64L << 20, 4096), new ShapeTable(), false, false);
        int node = objects.shapes().define("gcbench.Node", 4, 0, 1).id();
        TagScheme tags = new LowBitTags();
        PageResource pages = new PageResource(objects);
        immix = new ImmixSpace((byte) 1, "immix", pages);
        trace = new ParallelTrace(objects, tags, pages, workers, "bench-gc");
        trace.tracer().collect(immix, true);
        immix.atomicMarking(workers > 1);
        immix.exactMarking(forceAtomic);
        roots = arena.allocate(8, 8);
        ImmixAllocator allocator = new ImmixAllocator(immix);
        AllocationBuffer buffer = new AllocationBuffer();
        long tree = build(allocator, buffer, tags, node, 16);
        if (buffer.limit() > buffer.cursor()) {
            objects.formatFree(buffer.cursor(), buffer.limit() - buffer.cursor(), 0);   // the heap parses
        }
        roots.set(ValueLayout.JAVA_LONG, 0, tags.tagPointer(tree));
    }

    /** A complete tree of {@code depth}, children before parents (GCBench's bottom-up order). */
    private long build(ImmixAllocator allocator, AllocationBuffer buffer, TagScheme tags, int type, int depth) {
        long left = depth == 0 ? 0 : build(allocator, buffer, tags, type, depth - 1);
        long right = depth == 0 ? 0 : build(allocator, buffer, tags, type, depth - 1);
        long bytes = objects.objectBytes(4);
        long n = buffer.tryBump(bytes);
        if (n == 0) {
            if (buffer.limit() > buffer.cursor() && buffer.cursor() != 0) {
                objects.formatFree(buffer.cursor(), buffer.limit() - buffer.cursor(), 0);
            }
            if (!allocator.refill(buffer, bytes)) {
                throw new IllegalStateException("the 64 MiB heap cannot hold the tree");
            }
            n = buffer.tryBump(bytes);
        }
        objects.initialize(n, ObjectKind.SHAPED, type, 4, 0);
        objects.setField(n, 0, left == 0 ? 0 : tags.tagPointer(left));
        objects.setField(n, 1, right == 0 ? 0 : tags.tagPointer(right));
        objects.setField(n, 2, 0);
        objects.setField(n, 3, 0);
        return n;
    }

    /** The sweep a collection ends with, untimed: the space is ready for the next prepare. */
    @TearDown(Level.Invocation)
    public void release() {
        immix.release();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trace.close();
        arena.close();
    }

    /** Marks the tree with {@code workers} workers; fails unless every node was scanned once. */
    @Benchmark
    public long mark() {
        immix.prepare();
        long scanned = trace.trace(t -> t.visitSlot(roots, 0), workers);
        if (scanned != TREE_NODES) {
            throw new IllegalStateException("scanned " + scanned + " objects, not " + TREE_NODES);
        }
        return scanned;
    }
}
