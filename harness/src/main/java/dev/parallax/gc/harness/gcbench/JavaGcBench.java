package dev.parallax.gc.harness.gcbench;

/**
 * GCBench on plain Java objects, collected by the JVM's own collector: the baseline. The code
 * follows Boehm and Ellis's Java version line for line.
 *
 * <p>The long-lived tree and array of the latest body stay reachable until the next body starts,
 * so that a heap measurement taken after the body sees them, as it does on the parallax heap.
 */
public final class JavaGcBench implements GcBench {

    /** GCBench's node: two references and two unused ints, as in the original. */
    static final class Node {
        Node left;
        Node right;
        int i;
        int j;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        Node() {
        }
    }

    private final GcBenchParams params;
    private Node longLivedTree;
    private double[] array;

    public JavaGcBench(GcBenchParams params) {
        this.params = params;
    }

    @Override
    public GcBenchParams params() {
        return params;
    }

    @Override
    public BodyResult runBody() {
        longLivedTree = null;
        array = null;
        Node tempTree = makeTree(params.stretchDepth());
        tempTree = null;
        longLivedTree = new Node();
        populate(params.longLivedDepth(), longLivedTree);
        array = new double[params.arraySize()];
        for (int i = 0; i < params.arraySize() / 2; i++) {
            array[i] = 1.0 / i;
        }
        long temporaryNodes = 0;
        for (int depth = params.minDepth(); depth <= params.maxDepth(); depth += 2) {
            temporaryNodes += timeConstruction(depth);
        }
        return new BodyResult(countNodes(longLivedTree), depthOf(longLivedTree),
                array[GcBenchParams.CHECKED_ELEMENT], temporaryNodes);
    }

    /** Builds the trees of one depth; returns the node counts of the last of each order. */
    private long timeConstruction(int depth) {
        int iterations = params.numIters(depth);
        long lastNodes = 0;
        for (int i = 0; i < iterations; i++) {
            Node tempTree = new Node();
            populate(depth, tempTree);
            if (i == iterations - 1) {
                lastNodes += countNodes(tempTree);
            }
            tempTree = null;
        }
        for (int i = 0; i < iterations; i++) {
            Node tempTree = makeTree(depth);
            if (i == iterations - 1) {
                lastNodes += countNodes(tempTree);
            }
            tempTree = null;
        }
        return lastNodes;
    }

    /** Builds the tree top-down under {@code node}. */
    private static void populate(int depth, Node node) {
        if (depth <= 0) {
            return;
        }
        depth--;
        node.left = new Node();
        node.right = new Node();
        populate(depth, node.left);
        populate(depth, node.right);
    }

    /** Builds a tree bottom-up. */
    private static Node makeTree(int depth) {
        if (depth <= 0) {
            return new Node();
        }
        return new Node(makeTree(depth - 1), makeTree(depth - 1));
    }

    private static long countNodes(Node node) {
        return node == null ? 0 : 1 + countNodes(node.left) + countNodes(node.right);
    }

    private static int depthOf(Node node) {
        if (node.left == null && node.right == null) {
            return 0;
        }
        int left = node.left == null ? 0 : depthOf(node.left);
        int right = node.right == null ? 0 : depthOf(node.right);
        return 1 + Math.max(left, right);
    }

    @Override
    public void close() {
        longLivedTree = null;
        array = null;
    }
}
