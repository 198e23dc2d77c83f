package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.collectors.space.BitmapSweeper;
import dev.parallax.gc.collectors.space.FreeList;
import dev.parallax.gc.collectors.space.Sweeper;
import dev.parallax.gc.collectors.trace.HeaderMarkBits;
import dev.parallax.gc.collectors.trace.MarkBitmap;
import dev.parallax.gc.collectors.trace.MarkBits;
import dev.parallax.gc.collectors.trace.Marker;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
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
import java.util.concurrent.TimeUnit;

/**
 * The two phases of mark-sweep on GCBench's live set, with the marks in a side bitmap or in the
 * header: {@link #mark} traces the long-lived tree (2^17 - 1 nodes) and the 500,000-double array
 * (131,072 objects) from their roots; {@link #sweep} rebuilds the free lists of the whole 64 MiB
 * heap, which holds those objects amid dead GCBench nodes, as a collection finds it (the heap's
 * image is restored before each sweep, so every sweep meets the same 1.3 million dead cells).
 * Marking rate = 131,072 objects / mark time; sweeping rate = 64 MiB / sweep time.
 *
 * <p>The heap is built by a release-mode runtime; the phases then run on its memory directly,
 * through the collectors' own Marker and sweepers, with fresh mark bits (not the runtime's).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CollectorPhasesBenchmark {
    /** The live objects {@link #mark} traces: the long-lived tree and the array. */
    public static final long LIVE_OBJECTS = (1L << 17) - 1 + 1;

    /** The heap, its live set and the phase objects under test. */
    @State(Scope.Thread)
    public static class Heap {
        @Param({"bitmap", "header"})
        public String marks;

        private GcRuntimeImpl runtime;
        private Mutator mutator;
        private MarkBits bits;
        private Marker marker;
        private FreeList free;
        private BitmapSweeper bitmapSweeper;
        private Sweeper cellSweeper;
        private long tree;
        private long array;
        private Arena imageArena;
        private MemorySegment image;

        @Setup(Level.Trial)
        public void setUp() {
            runtime = (GcRuntimeImpl) GcRuntimes.create(GcConfig.defaults().withHeapBytes(64L << 20));
            ObjectModel objects = runtime.objects();
            mutator = runtime.attach("bench");
            Shape node = runtime.shapes().define("gcbench.Node", 4, 0, 1);
            mutator.pushFrame(2);
            mutator.setRef(0, Trees.build(mutator, node, 16));
            mutator.setRef(1, mutator.allocateRawArray(500_000));
            long budget = objects.capacity() - runtime.usage().usedBytes() - (8L << 20);
            for (long garbage = 0; garbage < budget; garbage += 40) {   // dead nodes over most of the rest
                mutator.allocate(node);
            }
            tree = mutator.ref(0);   // no safepoint from here on: the benchmark never calls the mutator again
            array = mutator.ref(1);
            free = new FreeList(objects);
            if (marks.equals("bitmap")) {
                MarkBitmap bitmap = new MarkBitmap(objects);
                bits = bitmap;
                bitmapSweeper = new BitmapSweeper(objects, free, bitmap);
            } else {
                bits = new HeaderMarkBits(objects);
                cellSweeper = new Sweeper(objects, free);
            }
            marker = new Marker(objects, runtime.tags(), bits);
            imageArena = Arena.ofShared();
            image = imageArena.allocate(objects.capacity(), 8);
            image.copyFrom(objects.heap());
        }

        /** Puts the heap back as it was after set-up: the dead nodes return, no mark is set. */
        void restore() {
            runtime.objects().heap().copyFrom(image);
            bits.clearAll();
        }

        long mark() {
            marker.reset();
            marker.shade(tree);
            marker.shade(array);
            marker.drain();
            if (marker.markedObjects() != LIVE_OBJECTS) {
                throw new IllegalStateException("marked " + marker.markedObjects() + " objects, not " + LIVE_OBJECTS);
            }
            return marker.markedObjects();
        }

        long sweep() {
            if (bitmapSweeper != null) {
                bitmapSweeper.sweep(false);
            } else {
                cellSweeper.start();
                cellSweeper.sweep(Long.MAX_VALUE, 0, false);
            }
            return free.freeBytes();
        }

        /** Unmarks everything: a bitmap fill, or for header marks a sweep (which clears each live object's bit). */
        void clearMarks() {
            if (bitmapSweeper != null) {
                bits.clearAll();
            } else if (bits.isMarked(tree)) {
                sweep();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            restore();
            mutator.close();
            runtime.close();
            imageArena.close();
        }
    }

    /**
     * Before each {@link #mark}: no object marked. (The heap is reached through this state: JMH 1.37
     * gives a benchmark method and a helper of another state two different instances of a shared
     * thread-scoped state.)
     */
    @State(Scope.Thread)
    public static class Unmarked {
        Heap heap;

        @Setup(Level.Trial)
        public void bind(Heap heap) {
            this.heap = heap;
        }

        @Setup(Level.Invocation)
        public void clear() {
            heap.clearMarks();
        }
    }

    /** Before each {@link #sweep}: the live set marked. */
    @State(Scope.Thread)
    public static class Marked {
        Heap heap;

        @Setup(Level.Trial)
        public void bind(Heap heap) {
            this.heap = heap;
        }

        @Setup(Level.Invocation)
        public void mark() {
            heap.restore();
            heap.mark();
        }
    }

    /** Marks the live set from its two roots. */
    @Benchmark
    public long mark(Unmarked unmarked) {
        return unmarked.heap.mark();
    }

    /** Rebuilds the free lists of the whole 64 MiB heap from the marks (and clears them). */
    @Benchmark
    public long sweep(Marked marked) {
        return marked.heap.sweep();
    }
}
