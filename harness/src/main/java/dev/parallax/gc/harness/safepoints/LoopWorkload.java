package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.harness.gcbench.GcBenchFailure;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.gcbench.HeapTrees;

/**
 * A loop-heavy mutator body whose phases each declare one kind of safepoint site, so that every
 * policy has a phase it cannot interrupt: per round, a short-lived tree built bottom-up
 * (allocations and function entries), a non-allocating loop summing the long-lived array (a
 * back-edge per iteration) and a non-allocating recursive walk of the long-lived tree (a function
 * entry per call). Addresses live in frame slots across every site, as in {@link HeapTrees}.
 */
public final class LoopWorkload implements AutoCloseable {
    private static final int TREE = 0;
    private static final int ARRAY = 1;
    private static final int TEMP = 2;
    private static final int SLOTS = 3;

    private final LoopParams params;
    private final Mutator mutator;
    private final HeapTrees trees;

    /** Attaches the calling thread as mutator {@code name} and builds the long-lived tree and array. */
    public LoopWorkload(GcRuntime runtime, LoopParams params, String name) {
        this.params = params;
        this.mutator = runtime.attach(name);
        this.trees = new HeapTrees(runtime, mutator);
        Mutator m = mutator;
        m.pushFrame(SLOTS);
        long root = trees.newNode();
        m.setRef(TREE, root);
        trees.populate(params.treeDepth(), root);
        long array = m.allocateRawArray(params.arrayLength());
        m.setRef(ARRAY, array);
        for (int i = 0; i < params.arrayLength(); i++) {
            m.writeRaw(m.ref(ARRAY), i, Double.doubleToRawLongBits(i));
            m.backEdge();
        }
    }

    public Mutator mutator() {
        return mutator;
    }

    /**
     * Runs one body and checks what it read.
     *
     * @throws GcBenchFailure when a walk or a sum does not find the data built
     */
    public void runBody() {
        Mutator m = mutator;
        long nodes = GcBenchParams.treeSize(params.treeDepth());
        double arraySum = (double) params.arrayLength() * (params.arrayLength() - 1) / 2;
        for (int round = 0; round < params.rounds(); round++) {
            m.setRef(TEMP, trees.makeTree(params.churnDepth()));
            m.clear(TEMP);
            double sum = sumArray();
            long walked = walk(m.ref(TREE));
            if (sum != arraySum || walked != nodes) {
                throw new GcBenchFailure("safepoint workload read a broken heap: array sum " + sum + " (expected "
                        + arraySum + "), tree walk " + walked + " nodes (expected " + nodes + ")");
            }
            m.backEdge();
        }
    }

    /** The sites one body declares, by kind (the same every body). */
    public SiteCounts sitesPerBody() {
        long churn = GcBenchParams.treeSize(params.churnDepth());
        long walk = GcBenchParams.treeSize(params.treeDepth());
        long rounds = params.rounds();
        return new SiteCounts(rounds * churn, rounds * (params.arrayLength() + 1L), rounds * (churn + walk));
    }

    /** Sums the array; a back-edge per iteration, so the array is re-read from its slot after each. */
    private double sumArray() {
        Mutator m = mutator;
        double sum = 0;
        for (int i = 0; i < params.arrayLength(); i++) {
            sum += Double.longBitsToDouble(m.readRaw(m.ref(ARRAY), i));
            m.backEdge();
        }
        return sum;
    }

    /** Counts the nodes under {@code node} (just read by the caller); spilled before the entry poll. */
    private long walk(long node) {
        Mutator m = mutator;
        m.pushFrame(1);
        m.setRef(0, node);
        m.functionEntry();
        long count = 1;
        long left = m.readRef(m.ref(0), HeapTrees.LEFT);
        if (left != 0) {
            count += walk(left);
        }
        long right = m.readRef(m.ref(0), HeapTrees.RIGHT);
        if (right != 0) {
            count += walk(right);
        }
        m.popFrame();
        return count;
    }

    /** Detaches the mutator. */
    @Override
    public void close() {
        mutator.close();
    }
}
