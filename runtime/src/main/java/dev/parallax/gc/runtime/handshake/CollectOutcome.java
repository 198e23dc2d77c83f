package dev.parallax.gc.runtime.handshake;

/** What a call to {@link SafepointCoordinator#collect} did. */
public enum CollectOutcome {
    /** The caller ran the pause it asked for. */
    RAN,
    /** A full collection was already in progress; the caller waited for it. */
    JOINED_FULL,
    /**
     * A full pause for an allocation failure or a stress collection was in progress, the caller
     * asking for another reason; it waited for it. A collector may have made that pause a partial
     * one (a generational minor collection).
     */
    JOINED_OTHER,
    /** An incremental step was already in progress; the caller waited for it. */
    JOINED_INCREMENT
}
