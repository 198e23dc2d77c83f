package dev.parallax.gc.harness.gcbench;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;

/**
 * GCBench on the parallax heap, over {@link HeapTrees} (which explains how the code keeps its
 * addresses in stack slots); the long-lived array is a raw array of double bits. Like compiled
 * code, it declares a {@link Mutator#backEdge() back-edge} at the end of every loop iteration and a
 * function entry at every Populate and MakeTree call, so that the back-edge and function-entry
 * safepoint policies have sites to poll. Both are safepoints: no address is held in a Java local
 * across them.
 */
public final class HeapGcBench implements GcBench {
    // Slots of the body's outer frame.
    private static final int LONG_LIVED_TREE = 0;
    private static final int LONG_LIVED_ARRAY = 1;
    private static final int TEMP_TREE = 2;
    private static final int OUTER_SLOTS = 3;

    private final GcBenchParams params;
    private final Mutator mutator;
    private final HeapTrees trees;

    /** Defines the node shape and attaches the calling thread, which must run every body. */
    public HeapGcBench(GcRuntime runtime, GcBenchParams params) {
        this.params = params;
        this.mutator = runtime.attach("gcbench");
        this.trees = new HeapTrees(runtime, mutator);
    }

    @Override
    public GcBenchParams params() {
        return params;
    }

    @Override
    public BodyResult runBody() {
        Mutator m = mutator;
        int base = m.frameDepth();
        m.pushFrame(OUTER_SLOTS);
        try {
            m.setRef(TEMP_TREE, trees.makeTree(params.stretchDepth()));
            m.clear(TEMP_TREE);
            long root = trees.newNode();
            m.setRef(LONG_LIVED_TREE, root);
            trees.populate(params.longLivedDepth(), root);
            long array = m.allocateRawArray(params.arraySize());
            m.setRef(LONG_LIVED_ARRAY, array);
            fillHalf();
            long temporaryNodes = 0;
            for (int depth = params.minDepth(); depth <= params.maxDepth(); depth += 2) {
                temporaryNodes += timeConstruction(depth);
                m.backEdge();
            }
            return survivors(temporaryNodes);
        } finally {
            while (m.frameDepth() > base) { // also unwinds recursion frames left by an exception
                m.popFrame();
            }
        }
    }

    /** Stores 1.0/i into the first half of the raw array; re-reads it from its slot after every back-edge. */
    private void fillHalf() {
        Mutator m = mutator;
        int half = params.arraySize() / 2;
        for (int i = 0; i < half; i++) {
            m.writeRaw(m.ref(LONG_LIVED_ARRAY), i, Double.doubleToRawLongBits(1.0 / i));
            m.backEdge();
        }
    }

    /** Builds the trees of one depth; returns the node counts of the last of each order. */
    private long timeConstruction(int depth) {
        Mutator m = mutator;
        int iterations = params.numIters(depth);
        long lastNodes = 0;
        for (int i = 0; i < iterations; i++) {
            long tree = trees.newNode();
            m.setRef(TEMP_TREE, tree);
            trees.populate(depth, tree);
            if (i == iterations - 1) {
                lastNodes += trees.countNodes(m.ref(TEMP_TREE), depth);
            }
            m.clear(TEMP_TREE);
            m.backEdge();
        }
        for (int i = 0; i < iterations; i++) {
            m.setRef(TEMP_TREE, trees.makeTree(depth));
            if (i == iterations - 1) {
                lastNodes += trees.countNodes(m.ref(TEMP_TREE), depth);
            }
            m.clear(TEMP_TREE);
            m.backEdge();
        }
        return lastNodes;
    }

    /** Reads the long-lived data; no safepoint happens here, so plain addresses are safe. */
    private BodyResult survivors(long temporaryNodes) {
        Mutator m = mutator;
        long tree = m.ref(LONG_LIVED_TREE);
        long element = m.readRaw(m.ref(LONG_LIVED_ARRAY), GcBenchParams.CHECKED_ELEMENT);
        long nodes = trees.countNodes(tree, params.longLivedDepth()); // first: it bounds the depth for depthOf
        return new BodyResult(nodes, trees.depthOf(tree), Double.longBitsToDouble(element), temporaryNodes);
    }

    /** Detaches the benchmark's mutator. */
    @Override
    public void close() {
        mutator.close();
    }
}
