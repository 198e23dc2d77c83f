package dev.parallax.gc.harness.gcbench;

/**
 * Boehm and Ellis's GCBench on one heap. A body builds and drops a stretch tree, builds a long-lived
 * tree (top-down) and a long-lived array of doubles, then, for each depth from min to max in steps
 * of 2, {@link GcBenchParams#numIters} trees top-down (Populate) and as many bottom-up (MakeTree),
 * each dropped at once; it ends by reading what survived. Beyond the original, the last tree of each
 * depth and order is counted before it is dropped, so that a tree broken while it was being built
 * is caught (a few traversals: well under 1% of a body).
 *
 * <p>Contract: every implementation performs the same allocations in the same order, so their body
 * times compare; a body runs on the thread that created the benchmark.
 */
public interface GcBench extends AutoCloseable {
    GcBenchParams params();

    /** Runs one body and returns what survived (not yet {@link BodyResult#check checked}). */
    BodyResult runBody();

    /** Releases what the benchmark holds on its heap. */
    @Override
    void close();
}
