package dev.parallax.gc.api.collector;

/**
 * What a collector needs from the rest of the runtime, as data (MMTk's {@code PlanConstraints}).
 * The runtime reads it at start-up to install barriers and to refuse impossible pairings, e.g. a
 * moving collector that cannot pin, paired with a root source that reports pinning roots.
 *
 * @param movesObjects       objects may change address during a collection
 * @param needsWriteBarrier  the mutator store path must call {@link Collector#writeBarrier()}
 * @param supportsPinning    objects can be kept in place (API pins, conservative roots)
 * @param barrierKind        a short name of the barrier ("none", "dijkstra-insertion", "satb"), for reports
 */
public record CollectorConstraints(boolean movesObjects, boolean needsWriteBarrier, boolean supportsPinning,
                                   String barrierKind) {
    /** A stop-the-world non-moving collector: no barrier, pins trivially. */
    public static final CollectorConstraints NON_MOVING = new CollectorConstraints(false, false, true, "none");
}
