package dev.parallax.gc.api.reference;

/**
 * What a collector tells the runtime's reference processing about the pause in progress, once its
 * strong closure is complete (MMTk's {@code ObjectTracerContext} for weak processing). Only valid
 * inside that pause, on the collecting thread.
 *
 * <p>Addresses given are the ones held before the collection (a table's entries, a referent word);
 * the answers account for objects the collector copied.
 */
public interface ReferenceTracer {
    /**
     * Whether {@code object} survives this collection so far: it was reached by the trace, or it lies
     * in a part of the heap this collection does not collect (the old generation in a minor collection).
     */
    boolean isLive(long object);

    /** The current address of a live object (its copy when the collector copied it this pause, else itself). */
    long forwarded(long object);

    /**
     * Keeps {@code object} alive this collection (resurrection for finalization, a soft referent the
     * policy keeps): marks or copies it and queues it for tracing. Call {@link #closure} afterwards.
     *
     * @return its address after this collection
     */
    long retain(long object);

    /** Traces everything reachable from the objects retained since the last call: afterwards the closure is complete again. */
    void closure();
}
