package dev.parallax.gc.harness.safepoints;

/**
 * The size of the safepoint workload's body: {@code rounds} rounds of three phases, each of which
 * declares only one kind of safepoint site.
 *
 * @param treeDepth   depth of the long-lived tree walked recursively (function entries only)
 * @param arrayLength doubles in the long-lived array summed in a loop (back-edges only)
 * @param churnDepth  depth of the tree built and dropped each round (allocations, and MakeTree's function entries)
 * @param rounds      rounds per body
 */
public record LoopParams(int treeDepth, int arrayLength, int churnDepth, int rounds) {

    /** A body of about a tenth of a second on a laptop: phases of a millisecond or two each. */
    public static final LoopParams DEFAULT = new LoopParams(14, 200_000, 12, 20);

    public LoopParams {
        if (treeDepth < 0 || treeDepth > 20 || churnDepth < 0 || churnDepth > 20) {
            throw new IllegalArgumentException("tree depths must lie in 0..20: " + this);
        }
        if (arrayLength < 1 || rounds < 1) {
            throw new IllegalArgumentException("the array length and the rounds must be at least 1: " + this);
        }
    }
}
