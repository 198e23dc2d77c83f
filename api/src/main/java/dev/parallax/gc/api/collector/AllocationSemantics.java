package dev.parallax.gc.api.collector;

/**
 * What the mutator says about an object it allocates (MMTk's allocation semantics); the collector
 * maps it to one of its spaces.
 */
public enum AllocationSemantics {
    /** An ordinary object: wherever the collector allocates by default (a nursery, free lists, holes). */
    DEFAULT,
    /** A large object: a space that never copies it (the collector may also send big DEFAULT objects there). */
    LARGE,
    /** An object that must never move (its address is handed to native code, say). */
    NON_MOVING,
    /** An object that lives as long as the runtime: never freed, never moved. */
    IMMORTAL
}
