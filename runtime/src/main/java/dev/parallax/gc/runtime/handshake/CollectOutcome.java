package dev.parallax.gc.runtime.handshake;

/** What a call to {@link SafepointCoordinator#collect} did. */
public enum CollectOutcome {
    /** The caller ran the pause it asked for. */
    RAN,
    /** A full collection was already in progress; the caller waited for it. */
    JOINED_FULL,
    /** An incremental step was already in progress; the caller waited for it. */
    JOINED_INCREMENT
}
