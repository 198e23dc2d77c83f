package dev.parallax.gc.api.event;

/**
 * The phases of a collection, in the order a stop-the-world collection passes them. The runtime
 * announces the handshake phases; a collector announces the ones it has, through
 * {@code CollectionScope.phase}.
 */
public enum GcPhase {
    /** The runtime asked every mutator to stop at its next poll. */
    STOP_REQUESTED,
    /** Every mutator is parked or blocked; time-to-safepoint ends here. */
    MUTATORS_STOPPED,
    /** Collector bookkeeping before tracing (reset counters, clear side tables). */
    PREPARE,
    /** Roots reported by the root sources are marked and pushed on the mark stack. */
    MARK_ROOTS,
    /** Transitive closure from the roots. */
    TRACE_LIVE,
    /**
     * Weak processing after the strong closure: references cleared or forwarded, soft referents and
     * finalizable objects retained and traced, ephemerons iterated to a fixpoint. Announced by the
     * runtime, only in pauses where it tracks reference objects, ephemerons or finalizers.
     */
    REFERENCES,
    /** Moving collectors: assign each live object its new address. */
    COMPUTE_FORWARDING,
    /** Moving collectors: rewrite every slot to the new addresses. */
    UPDATE_REFERENCES,
    /** Moving collectors: copy objects to their new addresses. */
    RELOCATE,
    /** Reclaim the unmarked cells, rebuild free space. */
    SWEEP,
    /** Collector bookkeeping after reclamation. */
    RELEASE,
    /** Debug mode: heap verifier and live-set sanity check. */
    VERIFY,
    /** The runtime is about to resume the mutators. */
    RESTARTING
}
