package dev.parallax.gc.harness.gcbench;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;

/**
 * GCBench's binary trees on the parallax heap, for one mutator: Populate (top-down), MakeTree
 * (bottom-up) and the read-only checks. A node is a shape with two reference fields (left, right)
 * and two raw words (i, j, unused as in the original).
 *
 * <p>The code is written the way compiled code with stack maps runs: every node needed after a
 * safepoint lives in a {@link Mutator} frame slot (one frame per recursive call, with a frame shape
 * declared once per function, as a compiler emits one stack map per call site), and an address is
 * held in a Java local only between two safepoints. Populate's frame is unzeroed: its one slot is
 * written before the entry poll. MakeTree's is zeroed: its slots are written only after the
 * recursive calls, which are safepoints. Beware Java's left-to-right argument evaluation:
 * {@code writeRef(ref(0), LEFT, allocate(..))} would read the slot <i>before</i> the allocation and
 * store into a stale address, so allocations are always hoisted into a local first. Every Populate
 * and MakeTree call declares its {@link Mutator#functionEntry() function entry}.
 */
public final class HeapTrees {
    public static final int LEFT = 0;
    public static final int RIGHT = 1;
    /** Raw body word {@code i} of a node. */
    public static final int I = 2;
    /** Node body: left, right (references), i, j (raw). */
    private static final int NODE_WORDS = 4;

    private final GcRuntime runtime;
    private final Mutator mutator;
    private final Shape node;
    private final FrameShape populateFrame;
    private final FrameShape makeTreeFrame;

    /** Defines (or finds) the node shape in {@code runtime}; {@code mutator} must be the calling thread's. */
    public HeapTrees(GcRuntime runtime, Mutator mutator) {
        this.runtime = runtime;
        this.mutator = mutator;
        this.node = runtime.shapes().define("gcbench.Node", NODE_WORDS, LEFT, RIGHT);
        this.populateFrame = runtime.frames().defineUnzeroed("gcbench.populate", 1, 0);
        this.makeTreeFrame = runtime.frames().define("gcbench.makeTree", 2, 0, 1);
    }

    /** A fresh node with null children. <i>Safepoint.</i> */
    public long newNode() {
        return mutator.allocate(node);
    }

    /**
     * Builds a complete tree of {@code depth} top-down under {@code parent}, an address the caller
     * just read (valid until the next safepoint); the prologue spills it before the entry poll.
     */
    public void populate(int depth, long parent) {
        Mutator m = mutator;
        if (depth <= 0) {
            m.functionEntry(); // a leaf call: parent is not used after the poll
            return;
        }
        m.pushFrame(populateFrame);
        m.setRef(0, parent);
        m.functionEntry();
        long child = m.allocate(node);
        m.writeRef(m.ref(0), LEFT, child);
        child = m.allocate(node);
        m.writeRef(m.ref(0), RIGHT, child);
        populate(depth - 1, m.readRef(m.ref(0), LEFT));
        populate(depth - 1, m.readRef(m.ref(0), RIGHT));
        m.popFrame();
    }

    /** Builds a complete tree bottom-up; the address returned is valid until the caller's next safepoint. */
    public long makeTree(int depth) {
        Mutator m = mutator;
        m.functionEntry(); // nothing live in Java locals yet
        if (depth <= 0) {
            return m.allocate(node);
        }
        m.pushFrame(makeTreeFrame);
        m.setRef(0, makeTree(depth - 1));
        m.setRef(1, makeTree(depth - 1));
        long tree = m.allocate(node);
        m.writeRef(tree, LEFT, m.ref(0));
        m.writeRef(tree, RIGHT, m.ref(1));
        m.popFrame();
        return tree;
    }

    /**
     * Counts the nodes under {@code tree}, which was built {@code maxDepth} deep; reads only, no
     * safepoint. A deeper path means a broken tree (a cycle through a reused cell, say): it fails
     * naming the object rather than recursing without end.
     *
     * @throws GcBenchFailure when the tree is deeper than {@code maxDepth}
     */
    public long countNodes(long tree, int maxDepth) {
        if (tree == 0) {
            return 0;
        }
        if (maxDepth < 0) {
            throw new GcBenchFailure("GCBench tree is deeper than it was built, at " + runtime.describe(tree));
        }
        return 1 + countNodes(mutator.readRef(tree, LEFT), maxDepth - 1)
                + countNodes(mutator.readRef(tree, RIGHT), maxDepth - 1);
    }

    /** Edges from {@code tree} to its deepest leaf; reads only. Call after {@link #countNodes} bounded it. */
    public int depthOf(long tree) {
        long left = mutator.readRef(tree, LEFT);
        long right = mutator.readRef(tree, RIGHT);
        if (left == 0 && right == 0) {
            return 0;
        }
        return 1 + Math.max(left == 0 ? 0 : depthOf(left), right == 0 ? 0 : depthOf(right));
    }
}
