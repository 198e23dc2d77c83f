package dev.parallax.gc.runtime.handshake;

/** What a stop-the-world pause runs. */
public enum PauseKind {
    /** A full collection ({@code Collector.collect}): afterwards exactly the reachable objects remain. */
    FULL,
    /** One bounded step of an incremental cycle ({@code Collector.collectIncrement}). */
    INCREMENT
}
