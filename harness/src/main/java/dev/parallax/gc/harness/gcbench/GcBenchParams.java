package dev.parallax.gc.harness.gcbench;

/**
 * The sizes of one GCBench body (Boehm and Ellis's constants are {@link #STANDARD}).
 *
 * @param stretchDepth   depth of the tree built once to stretch the heap; also sets {@link #numIters}
 * @param longLivedDepth depth of the tree kept alive for the whole body
 * @param arraySize      length of the long-lived array of doubles; its first half holds 1.0/i
 * @param minDepth       the shallowest temporary trees
 * @param maxDepth       the deepest temporary trees (depths go from min to max in steps of 2)
 */
public record GcBenchParams(int stretchDepth, int longLivedDepth, int arraySize, int minDepth, int maxDepth)
        implements java.io.Serializable {

    /** The element of the long-lived array checked at the end. */
    public static final int CHECKED_ELEMENT = 1000;

    /** GCBench as published: stretch 18, long-lived 16, 500,000 doubles, trees of depth 4 to 16. */
    public static final GcBenchParams STANDARD = new GcBenchParams(18, 16, 500_000, 4, 16);

    /** A body about 60 times smaller, for smoke runs: stretch 12, long-lived 10, 20,000 doubles, depths 4 to 10. */
    public static final GcBenchParams SMALL = new GcBenchParams(12, 10, 20_000, 4, 10);

    public GcBenchParams {
        if (minDepth < 0 || minDepth > maxDepth || maxDepth > stretchDepth || longLivedDepth > stretchDepth
                || stretchDepth > 24) {
            throw new IllegalArgumentException("GCBench depths must satisfy 0 <= min <= max <= stretch <= 24 and "
                    + "long-lived <= stretch: " + this);
        }
        if (longLivedDepth < 0) {
            throw new IllegalArgumentException("GCBench long-lived depth must be at least 0: " + this);
        }
        if (arraySize / 2 <= CHECKED_ELEMENT) {
            throw new IllegalArgumentException("GCBench array must have more than " + 2 * CHECKED_ELEMENT
                    + " elements so that element " + CHECKED_ELEMENT + " is filled: " + this);
        }
    }

    /** Nodes in a complete binary tree of depth {@code depth}: 2^(depth+1) - 1. */
    public static long treeSize(int depth) {
        return (1L << (depth + 1)) - 1;
    }

    /**
     * The tree nodes one body allocates: the stretch tree, the long-lived tree, and for each depth
     * {@link #numIters} trees top-down and as many bottom-up (the per-node cost divides by this).
     */
    public long nodesPerBody() {
        long nodes = treeSize(stretchDepth) + treeSize(longLivedDepth);
        for (int depth = minDepth; depth <= maxDepth; depth += 2) {
            nodes += 2L * numIters(depth) * treeSize(depth);
        }
        return nodes;
    }

    /** How many trees of {@code depth} each construction order builds: 2 * treeSize(stretch) / treeSize(depth). */
    public int numIters(int depth) {
        return (int) (2 * treeSize(stretchDepth) / treeSize(depth));
    }
}
