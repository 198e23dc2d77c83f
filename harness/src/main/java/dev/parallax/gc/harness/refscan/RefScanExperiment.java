package dev.parallax.gc.harness.refscan;

import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.net.roots.IndexedRefRoots;
import dev.parallax.gc.net.roots.NaiveRefRoots;
import dev.parallax.gc.net.roots.ParallelRefRoots;
import dev.parallax.gc.net.roots.RefCellRoots;
import dev.parallax.gc.net.slab.Allocator;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.slab.RefIndex;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The Ref-cell scan experiment (design report, "Ref-node scanning cost"): a net's slabs filled with
 * {@code nodes} nodes of which a fraction are Ref nodes, spread at random, and the time each Ref-root
 * strategy takes to report every Ref cell to a visitor that reads the cell (as a collector's would):
 * the naive walk, the indexed scan with the bitmap and with the remembered list (the net keeps both),
 * and the parallel walk; set beside the time to read the slab memory once, sequentially (every word,
 * summed), which gives the machine's read bandwidth in the same run.
 */
public final class RefScanExperiment {
    /** One measured configuration; times in milliseconds (medians). */
    public record Row(long nodes, double densityPercent, long refs, long slabBytes, double naiveMs, double bitmapMs,
                      double listMs, double parallelMs, double readMs) {
        public double bandwidthGBps() {
            return slabBytes / readMs / 1e6;
        }
    }

    private final int partitions;
    private final int threads;
    private final int repeats;
    private final long warmupNanos;
    private final Consumer<String> progress;
    private long sink;

    /**
     * @param partitions slabs the nodes are spread over (a net has one per worker)
     * @param threads    GC threads of the parallel walk
     * @param repeats    timed repetitions per measurement (the median is kept), after a warm-up of at
     *                   least 10 scans and {@code warmupMillis}
     */
    public RefScanExperiment(int partitions, int threads, int repeats, long warmupMillis, Consumer<String> progress) {
        this.partitions = partitions;
        this.threads = threads;
        this.repeats = repeats;
        this.warmupNanos = warmupMillis * 1_000_000L;
        this.progress = progress;
    }

    public Row run(long nodes, double densityPercent, long seed) {
        long perPartition = (nodes + partitions - 1) / partitions;
        try (NetMemory memory = new NetMemory(partitions, partitions, perPartition, 1, RefIndex.BOTH)) {
            progress.accept(String.format("%,d nodes at %s%% Refs: filling the slabs", nodes, densityPercent));
            long refs = fill(memory, nodes, densityPercent / 100, seed);
            long slabBytes = 0;
            for (Partition p : memory.partitions()) {
                slabBytes += p.top() * Partition.SLAB_BYTES_PER_SLOT;
            }
            RefCellRoots naive = new NaiveRefRoots();
            RefCellRoots bitmap = new IndexedRefRoots(RefIndex.BITMAP);
            RefCellRoots list = new IndexedRefRoots(RefIndex.LIST);
            RefCellRoots parallel = new ParallelRefRoots(threads);
            double naiveMs = time("naive", memory, naive, refs);
            double bitmapMs = time("indexed (bitmap)", memory, bitmap, refs);
            double listMs = time("indexed (list)", memory, list, refs);
            double parallelMs = time("parallel", memory, parallel, refs);
            double readMs = timeRead(memory);
            return new Row(nodes, densityPercent, refs, slabBytes, naiveMs, bitmapMs, listMs, parallelMs, readMs);
        }
    }

    /** Fills {@code nodes} slots: a Ref with probability {@code density}, else a constructor. */
    private static long fill(NetMemory memory, long nodes, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Allocator builder = memory.builder();
        long refs = 0;
        for (long i = 0; i < nodes; i++) {
            if (density >= 1 || random.nextDouble() < density) {
                builder.ref(i << 3);
                refs++;
            } else {
                builder.node(Ports.CON, 0, Ports.ERASER, Ports.ERASER);
            }
        }
        return refs;
    }

    private double time(String name, NetMemory memory, RefCellRoots roots, long refs) {
        long[] count = new long[1];
        SlotVisitor visitor = (region, offset) -> {
            count[0]++;
            sink += region.get(ValueLayout.JAVA_LONG, offset);
        };
        double[] ms = new double[repeats];
        warmUp(() -> roots.scan(memory, visitor));
        for (int i = 0; i < repeats; i++) {
            count[0] = 0;
            long start = System.nanoTime();
            roots.scan(memory, visitor);
            double t = (System.nanoTime() - start) / 1e6;
            if (count[0] != refs) {
                throw new IllegalStateException(name + " reported " + count[0] + " Ref cells, the slabs hold " + refs);
            }
            ms[i] = t;
        }
        progress.accept(String.format("  %s: %.3f ms", name, median(ms)));
        return median(ms);
    }

    /** Runs {@code scan} untimed at least 10 times and for at least the warm-up time, so the JIT has compiled it. */
    private void warmUp(Runnable scan) {
        long until = System.nanoTime() + warmupNanos;
        for (int i = 0; i < 10 || System.nanoTime() < until; i++) {
            scan.run();
        }
    }

    /** Reads every word of the used slab memory once, summing (the bandwidth floor of a walk). */
    private double timeRead(NetMemory memory) {
        double[] ms = new double[repeats];
        warmUp(() -> {
            for (Partition p : memory.partitions()) {
                sink += readAll(p.nodes(), p.top() * Partition.SLAB_BYTES_PER_SLOT);
            }
        });
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            long sum = 0;
            for (Partition p : memory.partitions()) {
                sum += readAll(p.nodes(), p.top() * Partition.SLAB_BYTES_PER_SLOT);
            }
            sink += sum;
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        progress.accept(String.format("  sequential read of the slabs: %.3f ms", median(ms)));
        return median(ms);
    }

    /** Words per block of {@link #readAll}: an int-indexed loop covers at most this many. */
    private static final long READ_BLOCK_WORDS = 1L << 27;

    /**
     * The sum of every word of {@code segment[0, bytes)}: the fastest plain sequential read measured
     * here, an int-indexed loop over blocks of at most {@link #READ_BLOCK_WORDS} words (the JIT
     * vectorises it; a long-indexed loop with four sums, the read this replaced, took 1.55 ms for the
     * 30.5 MiB of 1 M nodes where this takes 1.27, and 45 ms for 10 M nodes where this takes 37), so
     * that the baseline is the machine's bandwidth and not the cost of a slow loop.
     */
    private static long readAll(MemorySegment segment, long bytes) {
        long sum = 0;
        long words = bytes >>> 3;
        for (long start = 0; start < words; start += READ_BLOCK_WORDS) {
            MemorySegment block = segment.asSlice(start << 3, Math.min(READ_BLOCK_WORDS, words - start) << 3);
            int n = (int) (block.byteSize() >>> 3);
            for (int i = 0; i < n; i++) {
                sum += block.getAtIndex(ValueLayout.JAVA_LONG, i);
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Keeps the visitor's and the read's sums observable, so the JIT cannot drop the reads. */
    public long sink() {
        return sink;
    }
}
