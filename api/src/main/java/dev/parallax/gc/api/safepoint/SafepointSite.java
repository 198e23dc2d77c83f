package dev.parallax.gc.api.safepoint;

/** The places where mutator code may poll for a pending stop-the-world request. */
public enum SafepointSite {
    /** Before an allocation (the allocation slow path always polls: it may need a collection). */
    ALLOCATION,
    /** At a loop back-edge declared with {@code Mutator.backEdge()}. */
    BACK_EDGE,
    /** At a function entry declared with {@code Mutator.functionEntry()}. */
    FUNCTION_ENTRY,
    /** An explicit {@code Mutator.poll()}: always polls, whatever the policy. */
    EXPLICIT
}
