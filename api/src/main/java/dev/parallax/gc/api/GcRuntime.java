package dev.parallax.gc.api;

import dev.parallax.gc.api.reference.References;
import dev.parallax.gc.api.collector.CollectorConstraints;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.stack.FrameShapeTable;
import dev.parallax.gc.api.tags.TagScheme;

/**
 * A heap, its collector, root sources, tag scheme and safepoint policy, as chosen by a
 * {@link GcConfig}. Mutator threads attach to it; every heap access goes through their
 * {@link Mutator}.
 */
public interface GcRuntime extends AutoCloseable {
    GcConfig config();

    ShapeTable shapes();

    /** The frame shapes (stack maps) mutators push frames with. */
    FrameShapeTable frames();

    TagScheme tags();

    GlobalRoots globals();

    CollectorConstraints constraints();

    /**
     * The safepoint policy mutators poll by: which declared sites (back-edges, function entries) poll.
     * A compiler reads it to place its polls, and the spills and stack maps around them, only where
     * the policy polls.
     */
    SafepointPolicy safepointPolicy();

    /**
     * Attaches the calling thread as a mutator. A thread attaches at most once at a time.
     *
     * @throws IllegalStateException if the thread is already attached or the runtime is closed
     */
    Mutator attach(String name);

    /**
     * Runs a full stop-the-world collection from a thread that is not a mutator (a control thread),
     * waiting for every attached mutator to reach a safepoint.
     *
     * @throws IllegalStateException if the calling thread is an attached mutator (use {@link Mutator#collect})
     */
    void collectNow(String reason);

    GcStats stats();

    /** Weak, soft and phantom references, reference queues, finalizers and ephemerons on this runtime's heap. */
    References references();

    HeapUsage usage();

    /** The object at {@code address} described for a message (id, kind, shape, size) or what is wrong with it. */
    String describe(long address);

    void addListener(GcListener listener);

    void removeListener(GcListener listener);

    /**
     * The root sources this runtime's collections ask, in config order: lets a component that keeps
     * roots outside the heap (parallax-net's Ref cells) find the source that scans them and register
     * its memory with it. Empty by default, for runtimes that do not expose them.
     */
    default java.util.List<dev.parallax.gc.api.roots.RootSource> rootSources() {
        return java.util.List.of();
    }

    /** Releases the heap. Every mutator must be closed first. Idempotent. */
    @Override
    void close();
}
