package dev.parallax.gc.api.reference;

/** The strength of a reference object, strongest first, as in {@code java.lang.ref}. */
public enum ReferenceKind {
    /** Cleared when the referent is only softly reachable and the {@link SoftPolicy} says so (memory pressure). */
    SOFT,
    /** Cleared as soon as the referent is no longer strongly or softly reachable. */
    WEAK,
    /**
     * Never returns its referent; cleared and enqueued once the referent is unreachable and, if it
     * had a finalizer, finalized (a resurrected referent keeps it pending until it dies again).
     */
    PHANTOM
}
