package dev.parallax.gc.harness.gcbench;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;

/**
 * GCBench on the parallax heap. A node is a shape with two reference fields (left, right) and two
 * raw words (i, j, unused as in the original); the long-lived array is a raw array of double bits.
 *
 * <p>The code is written the way compiled code with stack maps runs: every node needed after an
 * allocation lives in a {@link Mutator} frame slot (one frame per recursive call), and an address
 * is held in a Java local only between two safepoints. Beware Java's left-to-right argument
 * evaluation: {@code writeRef(ref(0), LEFT, allocate(..))} would read the slot <i>before</i> the
 * allocation and store into a stale address, so allocations are always hoisted into a local first.
 */
public final class HeapGcBench implements GcBench {
    private static final int LEFT = 0;
    private static final int RIGHT = 1;
    /** Node body: left, right (references), i, j (raw). */
    private static final int NODE_WORDS = 4;

    // Slots of the body's outer frame.
    private static final int LONG_LIVED_TREE = 0;
    private static final int LONG_LIVED_ARRAY = 1;
    private static final int TEMP_TREE = 2;
    private static final int OUTER_SLOTS = 3;

    private final GcRuntime runtime;
    private final GcBenchParams params;
    private final Shape node;
    private final Mutator mutator;

    /** Defines the node shape and attaches the calling thread, which must run every body. */
    public HeapGcBench(GcRuntime runtime, GcBenchParams params) {
        this.runtime = runtime;
        this.params = params;
        this.node = runtime.shapes().define("gcbench.Node", NODE_WORDS, LEFT, RIGHT);
        this.mutator = runtime.attach("gcbench");
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
            m.setRef(TEMP_TREE, makeTree(params.stretchDepth()));
            m.clear(TEMP_TREE);
            long root = m.allocate(node);
            m.setRef(LONG_LIVED_TREE, root);
            populate(params.longLivedDepth(), root);
            long array = m.allocateRawArray(params.arraySize());
            m.setRef(LONG_LIVED_ARRAY, array);
            fillHalf(array);
            long temporaryNodes = 0;
            for (int depth = params.minDepth(); depth <= params.maxDepth(); depth += 2) {
                temporaryNodes += timeConstruction(depth);
            }
            return survivors(temporaryNodes);
        } finally {
            while (m.frameDepth() > base) { // also unwinds recursion frames left by an exception
                m.popFrame();
            }
        }
    }

    /** Stores 1.0/i into the first half of the raw array; no safepoint, so {@code array} stays valid. */
    private void fillHalf(long array) {
        int half = params.arraySize() / 2;
        for (int i = 0; i < half; i++) {
            mutator.writeRaw(array, i, Double.doubleToRawLongBits(1.0 / i));
        }
    }

    /** Builds the trees of one depth; returns the node counts of the last of each order. */
    private long timeConstruction(int depth) {
        Mutator m = mutator;
        int iterations = params.numIters(depth);
        long lastNodes = 0;
        for (int i = 0; i < iterations; i++) {
            long tree = m.allocate(node);
            m.setRef(TEMP_TREE, tree);
            populate(depth, tree);
            if (i == iterations - 1) {
                lastNodes += countNodes(m.ref(TEMP_TREE), depth);
            }
            m.clear(TEMP_TREE);
        }
        for (int i = 0; i < iterations; i++) {
            m.setRef(TEMP_TREE, makeTree(depth));
            if (i == iterations - 1) {
                lastNodes += countNodes(m.ref(TEMP_TREE), depth);
            }
            m.clear(TEMP_TREE);
        }
        return lastNodes;
    }

    /**
     * Builds the tree top-down under {@code parent}, an address the caller just read (valid until
     * the next safepoint); it is spilled to this call's frame before the first allocation.
     */
    private void populate(int depth, long parent) {
        if (depth <= 0) {
            return;
        }
        Mutator m = mutator;
        m.pushFrame(1);
        m.setRef(0, parent);
        long child = m.allocate(node);
        m.writeRef(m.ref(0), LEFT, child);
        child = m.allocate(node);
        m.writeRef(m.ref(0), RIGHT, child);
        populate(depth - 1, m.readRef(m.ref(0), LEFT));
        populate(depth - 1, m.readRef(m.ref(0), RIGHT));
        m.popFrame();
    }

    /** Builds a tree bottom-up; the address returned is valid until the caller's next safepoint. */
    private long makeTree(int depth) {
        Mutator m = mutator;
        if (depth <= 0) {
            return m.allocate(node);
        }
        m.pushFrame(2);
        m.setRef(0, makeTree(depth - 1));
        m.setRef(1, makeTree(depth - 1));
        long tree = m.allocate(node);
        m.writeRef(tree, LEFT, m.ref(0));
        m.writeRef(tree, RIGHT, m.ref(1));
        m.popFrame();
        return tree;
    }

    /** Reads the long-lived data; no safepoint happens here, so plain addresses are safe. */
    private BodyResult survivors(long temporaryNodes) {
        Mutator m = mutator;
        long tree = m.ref(LONG_LIVED_TREE);
        long element = m.readRaw(m.ref(LONG_LIVED_ARRAY), GcBenchParams.CHECKED_ELEMENT);
        long nodes = countNodes(tree, params.longLivedDepth()); // first: it bounds the depth for depthOf
        return new BodyResult(nodes, depthOf(tree), Double.longBitsToDouble(element), temporaryNodes);
    }

    /**
     * Counts the nodes under {@code tree}, which was built {@code maxDepth} deep; reads only, no
     * safepoint. A deeper path means a broken tree (a cycle through a reused cell, say): it fails
     * naming the object rather than recursing without end.
     */
    private long countNodes(long tree, int maxDepth) {
        if (tree == 0) {
            return 0;
        }
        if (maxDepth < 0) {
            throw new GcBenchFailure("GCBench tree is deeper than it was built, at " + runtime.describe(tree));
        }
        return 1 + countNodes(mutator.readRef(tree, LEFT), maxDepth - 1)
                + countNodes(mutator.readRef(tree, RIGHT), maxDepth - 1);
    }

    private int depthOf(long tree) {
        long left = mutator.readRef(tree, LEFT);
        long right = mutator.readRef(tree, RIGHT);
        if (left == 0 && right == 0) {
            return 0;
        }
        return 1 + Math.max(left == 0 ? 0 : depthOf(left), right == 0 ? 0 : depthOf(right));
    }

    /** Detaches the benchmark's mutator. */
    @Override
    public void close() {
        mutator.close();
    }
}
