package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;

/** The benchmarks' live data: complete binary trees of GCBench nodes. */
final class Trees {
    private Trees() {
    }

    /**
     * Builds a complete tree of {@code depth} bottom-up, keeping subtrees in frame slots across
     * allocations; the address returned is valid until the caller's next safepoint.
     */
    static long build(Mutator mutator, Shape node, int depth) {
        if (depth == 0) {
            return mutator.allocate(node);
        }
        mutator.pushFrame(2);
        mutator.setRef(0, build(mutator, node, depth - 1));
        mutator.setRef(1, build(mutator, node, depth - 1));
        long n = mutator.allocate(node);
        mutator.writeRef(n, 0, mutator.ref(0));
        mutator.writeRef(n, 1, mutator.ref(1));
        mutator.popFrame();
        return n;
    }
}
