package dev.parallax.gc.harness.retention;

/**
 * The size of a retention workload.
 *
 * @param longLivedDepth depth of the tree alive for the whole run (GCBench's long-lived tree)
 * @param churnDepth     depth of each short-lived tree
 * @param churnTrees     short-lived trees built, alternately top-down and bottom-up
 * @param liveChurn      how many of the latest short-lived trees stay reachable (a ring of slots)
 * @param noiseWords     stack slots holding non-pointer words, rewritten before every short-lived tree
 */
public record RetentionParams(int longLivedDepth, int churnDepth, int churnTrees, int liveChurn, int noiseWords) {

    /** About a dozen collections of a 16 MiB heap holding 3 MiB of long-lived data. */
    public static final RetentionParams DEFAULT = new RetentionParams(15, 10, 1_500, 8, 64);

    public RetentionParams {
        if (longLivedDepth < 0 || longLivedDepth > 22 || churnDepth < 0 || churnDepth > 22) {
            throw new IllegalArgumentException("tree depths must lie in 0..22: " + this);
        }
        if (churnTrees < 1 || liveChurn < 1 || noiseWords < 1) {
            throw new IllegalArgumentException("churn trees, live churn and noise words must be at least 1: " + this);
        }
    }
}
