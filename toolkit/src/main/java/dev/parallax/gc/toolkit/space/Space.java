package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.toolkit.workers.WorkerPool;

/**
 * A policy for a part of the heap (MMTk's space): it owns page runs from the plan's
 * {@code PageResource}, allocates in them, and knows how to trace an object it owns (mark it in
 * place, or copy it and leave a forwarding address) and how to reclaim what a collection found
 * dead. A collector (plan) composes spaces and decides which object goes where.
 *
 * <p>Contract: {@link #prepare} and {@link #release} run with the world stopped, once per
 * collection that includes this space; {@link #traceObject} only between them, with a valid start
 * of an object this space owns. Costs are each space's own; see the implementations.
 */
public interface Space {
    /** The id stored in the page resource's owner table for this space's pages (1..127). */
    byte id();

    /** A name for reports ("nursery", "immix", "los"). */
    String name();

    /** Before tracing: forget the previous collection's marks, choose what to evacuate. */
    void prepare();

    /**
     * Marks or forwards {@code object}; the first time, hands the object to {@code queue} (its new
     * copy, for a moving space) so that its fields get traced.
     *
     * @return the object's address after this collection (its own address when it stays)
     */
    long traceObject(long object, TraceQueue queue);

    /**
     * Keeps {@code object} in place this collection (a pinning root, an API pin) and traces it like
     * {@link #traceObject}. A space that cannot pin throws {@link UnsupportedOperationException}.
     */
    void pinAndTrace(long object, TraceQueue queue);

    /**
     * Whether the tracer must call {@link #postScanObject} for each object of this space it scans
     * while the space is collected (MMTk's post-scan hook). Asked once, when a trace includes the space.
     */
    default boolean needsPostScan() {
        return false;
    }

    /**
     * After the tracer scanned {@code object} (this space's, {@code status} its header word), while
     * this space is collected: metadata that needs the object's size, such as Immix line marks, is
     * set here, where the header is already loaded, instead of in {@link #traceObject}, which then
     * touches no object. Called once per object that {@link #traceObject} or {@link #pinAndTrace}
     * queued, possibly from several GC workers at once.
     */
    default void postScanObject(long object, long status) {
    }

    /** Whether {@code object} survives the collection in progress (traced so far). */
    boolean isLive(long object);

    /** After tracing: reclaim dead objects, give empty runs back, keep the space's pages parsable. */
    void release();

    /**
     * {@link #release()}, on the GC workers of {@code pool} where the space can share the work (null:
     * this thread). The default releases on this thread.
     */
    default void release(WorkerPool pool) {
        release();
    }

    /** Bytes this space holds that are not available for allocation (live objects and their overhead). */
    long usedBytes();

    /** Bytes of pages this space holds. */
    long committedBytes();

    /**
     * Bytes held by this space's objects: right after a collection exactly its live objects' bytes;
     * since then also the memory handed out for allocation.
     */
    long objectBytes();
}
