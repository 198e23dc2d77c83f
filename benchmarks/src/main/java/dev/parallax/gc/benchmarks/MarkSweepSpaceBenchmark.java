package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.space.MarkSweepAllocator;
import dev.parallax.gc.toolkit.space.MarkSweepSpace;
import dev.parallax.gc.toolkit.space.TraceQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The toolkit's {@link MarkSweepSpace} on its own (release mode, no object ids), its two hot paths:
 * <ul>
 *   <li>{@link Allocation#allocate}: ns per {@link MarkSweepAllocator#allocate} over a batch of
 *       {@value #BATCH} objects of 40 bytes (a cell of exactly that size) or 176 bytes (a 208-byte
 *       cell whose tail is formatted as a free cell), into a space that was just emptied
 *       ({@code fresh}: the batch takes and carves new blocks) or just swept with every other cell of
 *       a {@code 2 * BATCH} population live ({@code swept}: the batch pops the cells the sweep freed,
 *       never a new block). No header is written: that is the caller's cost.</li>
 *   <li>{@link Sweep#sweep}: {@link MarkSweepSpace#release} over 64 MiB of 40-byte cells, a fraction
 *       {@code live} of them marked (spread at random, so that every block keeps some and none is given
 *       back), reported per MiB swept.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MarkSweepSpaceBenchmark {
    static final int BATCH = 1 << 16;
    static final int SWEPT_MIB = 64;
    private static final TraceQueue IGNORE = object -> { };

    /** A release-mode heap of {@code bytes} holding one mark-sweep space. */
    static final class Heap {
        final Arena arena = Arena.ofShared();
        final ObjectModel objects;
        final PageResource pages;
        final MarkSweepSpace space;

        Heap(long bytes) {
            objects = new ObjectModel(arena.allocate(bytes, 4096), new ShapeTable(), false, false);
            pages = new PageResource(objects);
            space = new MarkSweepSpace((byte) 1, "ms", pages);
        }

        /** A raw array of {@code words} words in a fresh cell. */
        long object(MarkSweepAllocator allocator, int words) {
            long a = allocator.allocate(objects.objectBytes(words));
            objects.initialize(a, ObjectKind.RAW_ARRAY, 0, words, 0);
            return a;
        }
    }

    @State(Scope.Thread)
    public static class Allocation {
        @Param({"40", "176"})
        public int bytes;

        @Param({"fresh", "swept"})
        public String space;

        private Heap heap;
        private MarkSweepAllocator allocator;
        private long[] survivors;

        @Setup(Level.Trial)
        public void setUp() {
            heap = new Heap(64L << 20);
            allocator = new MarkSweepAllocator(heap.space);
            survivors = new long[0];
            if (space.equals("swept")) {
                survivors = new long[BATCH];
                int words = (int) (bytes / 8) - 1;
                for (int i = 0; i < 2 * BATCH; i++) {
                    long a = heap.object(allocator, words);
                    if (i % 2 == 0) {
                        survivors[i / 2] = a;
                    }
                }
            }
        }

        /** A collection that keeps the survivors (none for {@code fresh}): the last batch is garbage. */
        @Setup(Level.Invocation)
        public void collect() {
            MarkSweepSpace s = heap.space;
            s.prepare();
            for (long a : survivors) {
                s.traceObject(a, IGNORE);
            }
            s.release();
            allocator.reset();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            heap.arena.close();
        }
    }

    /** {@value #BATCH} allocations of {@code bytes} right after a collection. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long allocate(Allocation state) {
        MarkSweepAllocator allocator = state.allocator;
        long bytes = state.bytes;
        long last = 0;
        for (int i = 0; i < BATCH; i++) {
            last = allocator.allocate(bytes);
        }
        if (last == 0) {
            throw new IllegalStateException("the heap ran out");
        }
        return last;
    }

    @State(Scope.Thread)
    public static class Sweep {
        @Param({"0.1", "0.5", "0.9"})
        public double live;

        private Heap heap;
        private long[] marked;

        @Setup(Level.Trial)
        public void setUp() {
            heap = new Heap((SWEPT_MIB + 4L) << 20);
            MarkSweepAllocator allocator = new MarkSweepAllocator(heap.space);
            int perBlock = (int) (MarkSweepSpace.BLOCK_BYTES / 40);
            int cells = (int) (((long) SWEPT_MIB << 20) / MarkSweepSpace.BLOCK_BYTES) * perBlock;
            for (int i = 0; i < cells; i++) {   // every cell of 64 MiB of blocks holds an object
                heap.object(allocator, 4);
            }
            if (heap.space.committedBytes() != (long) SWEPT_MIB << 20) {
                throw new IllegalStateException("expected " + SWEPT_MIB + " MiB of blocks, not "
                        + heap.space.committedBytes());
            }
            Random rnd = new Random(42);
            long[] chosen = new long[cells];
            int n = 0;
            for (long b = heap.objects.base(); b < heap.objects.limit(); b += MarkSweepSpace.BLOCK_BYTES) {
                if (heap.pages.ownerOf(b) != 1) {
                    continue;
                }
                for (int i = 0; i < perBlock; i++) {
                    if (rnd.nextDouble() < live || i == 0) {
                        chosen[n++] = b + 40L * i;
                    }
                }
            }
            marked = java.util.Arrays.copyOf(chosen, n);
        }

        /** The live fraction marked, as a trace would leave it. */
        @Setup(Level.Invocation)
        public void mark() {
            heap.space.prepare();
            for (long a : marked) {
                heap.space.traceObject(a, IGNORE);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            heap.arena.close();
        }
    }

    /** Rebuilds the free lists of 64 MiB of cells from the marks: the score is per MiB. */
    @Benchmark
    @OperationsPerInvocation(SWEPT_MIB)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long sweep(Sweep state) {
        state.heap.space.release();
        return state.heap.space.freeBytes();
    }
}
