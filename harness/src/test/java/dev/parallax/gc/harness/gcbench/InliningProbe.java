package dev.parallax.gc.harness.gcbench;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.runtime.GcRuntimes;

/**
 * Runs GCBench's tree builders and a flat node loop on a release-mode runtime until the JIT has
 * compiled them, for {@link HeapTreesInliningTest} to read the JIT's inlining decisions from this
 * JVM's output. Not a benchmark: nothing is timed.
 */
public final class InliningProbe {
    private InliningProbe() {
    }

    public static void main(String[] args) {
        try (GcRuntime runtime = GcRuntimes.create(GcConfig.defaults().withHeapBytes(32L << 20));
             Mutator m = runtime.attach("probe")) {
            HeapTrees trees = new HeapTrees(runtime, m);
            Shape node = runtime.shapes().define("gcbench.Node", 4, HeapTrees.LEFT, HeapTrees.RIGHT);
            FrameShape frame = runtime.frames().define("probe.node", 1, 0);
            m.pushFrame(1);
            for (int i = 0; i < 3000; i++) {
                long root = trees.newNode();
                m.setRef(0, root);
                trees.populate(10, root);
                m.setRef(0, trees.makeTree(10));
                nodes(m, node, frame, 2000);
            }
            m.popFrame();
        }
    }

    /** The flat GCBench step of the JMH mutator benchmark: a frame, a parent, a child, two stores. */
    static void nodes(Mutator m, Shape node, FrameShape frame, int count) {
        for (int i = 0; i < count; i++) {
            m.pushFrame(frame);
            m.setRef(0, m.allocate(node));
            long child = m.allocate(node);
            long parent = m.ref(0);
            m.writeRef(parent, HeapTrees.LEFT, child);
            m.writeRef(parent, HeapTrees.RIGHT, m.readRef(parent, HeapTrees.LEFT));
            m.popFrame();
        }
    }
}
