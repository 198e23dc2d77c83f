package dev.parallax.gc.harness.gcbench;

/**
 * What a GCBench body found, for its check: the long-lived tree's node count and depth (edges from
 * the root to the deepest leaf) and element {@value GcBenchParams#CHECKED_ELEMENT} of the
 * long-lived array at the end, and the node counts of the last temporary tree of each depth and
 * construction order, summed (counted just before the tree is dropped).
 */
public record BodyResult(long longLivedNodes, int longLivedDepth, double checkedElement, long lastTemporaryNodes) {

    /** What a correct body finds: complete trees everywhere, and 1.0/1000. */
    public static BodyResult expected(GcBenchParams params) {
        long temporary = 0;
        for (int depth = params.minDepth(); depth <= params.maxDepth(); depth += 2) {
            temporary += 2 * GcBenchParams.treeSize(depth);
        }
        return new BodyResult(GcBenchParams.treeSize(params.longLivedDepth()), params.longLivedDepth(),
                1.0 / GcBenchParams.CHECKED_ELEMENT, temporary);
    }

    /**
     * Throws unless this is the {@link #expected} result.
     *
     * @throws GcBenchFailure naming the heap and both results
     */
    public void check(GcBenchParams params, String heap) {
        BodyResult want = expected(params);
        if (!equals(want)) {
            throw new GcBenchFailure("GCBench survival check failed on " + heap + ": expected " + want
                    + ", found " + this);
        }
    }
}
