package dev.parallax.gc.runtime.handshake;

/** Where a mutator thread stands in the stop-the-world handshake. */
public enum MutatorStatus {
    /** Running mutator code; a collection must wait for it to reach a safepoint. */
    RUNNING,
    /** Parked at a safepoint until the collection in progress ends. */
    PARKED,
    /** Inside {@code runBlocked}: counts as stopped; must not touch the heap. */
    BLOCKED,
    /** Running a collection it requested: stopped as far as the heap is concerned. */
    COLLECTING,
    /** Closed; no longer part of the handshake. */
    DETACHED;

    /** Whether a collection may proceed while a mutator is in this status. */
    public boolean isStopped() {
        return this != RUNNING;
    }
}
