package dev.parallax.gc.api;

/** Debug stress: collect far more often than needed, to flush out missing roots and stale addresses. */
public enum StressMode {
    /** Collect only when allocation fails or on request. */
    OFF,
    /** Collect at every N-th allocation (N = {@code GcConfig.stressInterval}). */
    ALLOCATION,
    /** Collect at every N-th poll that the safepoint policy makes (allocation polls included). */
    POLL
}
