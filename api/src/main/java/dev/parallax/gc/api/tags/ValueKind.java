package dev.parallax.gc.api.tags;

/** What a tagged 64-bit word holds. */
public enum ValueKind {
    /** The all-zero word: no reference, no value. Every tag scheme encodes null as 0. */
    NULL,
    /** A reference to a heap object. */
    POINTER,
    /** An immediate integer of the scheme's {@link TagScheme#smallIntBits()} bits. */
    SMALL_INT,
    /** An interaction-net port: a node index and port number packed by parallax-net, never a heap reference. */
    PORT,
    /** An immediate constant (unit, booleans, characters): a payload the runtime defines, never a reference. */
    IMMEDIATE,
    /** A bit pattern the scheme does not produce (only from corrupt or foreign data). */
    INVALID
}
