package dev.parallax.gc.harness.retention;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.gcbench.HeapTrees;
import dev.parallax.gc.harness.report.CollectionLog;
import dev.parallax.gc.runtime.GcRuntimeImpl;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A realistic live graph with non-pointer words beside it on the stack: a long-lived GCBench tree,
 * a churn of short-lived trees of which the latest few stay reachable, and {@code noiseWords} slots
 * rewritten with {@link Mutator#setRaw raw} words of one {@link WordClass} before every tree. A
 * precise collector never reads those slots; a conservative one may take them for pointers and
 * retain (and pin) whatever they land in. The reachable graph does not depend on the words or the
 * roots, so the live set after the final full collection, compared with the precise run's, is
 * exactly what the words kept alive.
 */
public final class RetentionWorkload {
    private static final int LONG_LIVED = 0;
    private static final int FIRST_CHURN = 1;
    /** How long to wait for listener calls still in flight after the final collection. */
    private static final long LISTENER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final GcRuntimeImpl runtime;
    private final RetentionParams params;

    public RetentionWorkload(GcRuntimeImpl runtime, RetentionParams params) {
        this.runtime = runtime;
        this.params = params;
    }

    /**
     * Runs the workload on the calling thread with words of {@code words} drawn from {@code seed}.
     *
     * @return the run's collections in order, the last being the final full collection
     * @throws LiveObjectsLost when a reachable tree came back incomplete
     */
    public List<CollectionRecord> run(WordClass words, long seed) {
        CollectionLog log = new CollectionLog();
        runtime.addListener(log);
        long before = runtime.stats().collections();
        try (Mutator m = runtime.attach("retention")) {
            m.pushFrame(frameShape());
            HeapTrees trees = new HeapTrees(runtime, m);
            churn(m, trees, words, new SplittableRandom(seed));
            m.collect();
            m.collect(); // the second finds exactly the live set, also after an incremental cycle
            checkReachable(m, trees);
            log.awaitCount(runtime.stats().collections() - before, LISTENER_GRACE_NANOS);
        } finally {
            runtime.removeListener(log);
        }
        return log.snapshot();
    }

    /** The workload's frame: the long-lived tree and the live churn in reference slots, then the raw noise slots. */
    private FrameShape frameShape() {
        int[] references = new int[FIRST_CHURN + params.liveChurn()];
        Arrays.setAll(references, i -> i);
        return runtime.frames().define("retention/" + params.liveChurn() + "+" + params.noiseWords(),
                references.length + params.noiseWords(), references);
    }

    /** Builds the long-lived tree, then the short-lived ones, rewriting the noise before each. */
    private void churn(Mutator m, HeapTrees trees, WordClass words, SplittableRandom random) {
        long root = trees.newNode();
        m.setRef(LONG_LIVED, root);
        trees.populate(params.longLivedDepth(), root);
        for (int t = 0; t < params.churnTrees(); t++) {
            writeNoise(m, words, random);
            int slot = FIRST_CHURN + t % params.liveChurn(); // replaces the oldest live short-lived tree
            if (t % 2 == 0) {
                m.setRef(slot, trees.makeTree(params.churnDepth()));
            } else {
                long tree = trees.newNode();
                m.setRef(slot, tree);
                trees.populate(params.churnDepth(), tree);
            }
            expectComplete(trees, m.ref(slot), params.churnDepth(), "short-lived tree " + t);
            m.backEdge();
        }
    }

    private void writeNoise(Mutator m, WordClass words, SplittableRandom random) {
        long base = runtime.objects().base();
        long limit = runtime.objects().limit();
        int first = FIRST_CHURN + params.liveChurn();
        for (int i = 0; i < params.noiseWords(); i++) {
            m.setRaw(first + i, words.next(random, base, limit));
        }
    }

    /** Every tree still referenced from the frame must be whole. */
    private void checkReachable(Mutator m, HeapTrees trees) {
        expectComplete(trees, m.ref(LONG_LIVED), params.longLivedDepth(), "the long-lived tree");
        for (int i = 0; i < Math.min(params.liveChurn(), params.churnTrees()); i++) {
            expectComplete(trees, m.ref(FIRST_CHURN + i), params.churnDepth(), "live short-lived tree " + i);
        }
    }

    private static void expectComplete(HeapTrees trees, long tree, int depth, String what) {
        long nodes = trees.countNodes(tree, depth);
        if (nodes != GcBenchParams.treeSize(depth)) {
            throw new LiveObjectsLost(what + " has " + nodes + " nodes, not " + GcBenchParams.treeSize(depth));
        }
    }
}
