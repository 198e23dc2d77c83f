package dev.parallax.gc.api.tags;

/**
 * How a 64-bit cell (a stack slot, a global, a heap field that may hold a reference, a Ref-node
 * cell) says what it holds: a heap pointer, a small integer, a port, an immediate, or null (0).
 *
 * <p>Contract: every method is a pure function of its arguments, allocation-free and branch-light
 * (a few ALU operations); the collector calls {@link #isPointer} and {@link #untag} once per slot it
 * traces. {@code untag(tagPointer(a)) == a} for every aligned heap address {@code a} the scheme
 * {@link #checkAddressRange accepted}; {@code retarget} keeps the tag bits of the old word, so a moving
 * collector can update a slot without knowing the encoding (the MMTk tagged-slot contract).
 * Encoding an out-of-range integer throws {@link IllegalArgumentException}.
 */
public interface TagScheme {
    /** The name by which configs select this scheme (e.g. {@code low-bit}). */
    String name();

    /** What {@code word} holds. */
    ValueKind kindOf(long word);

    /** True iff {@code word} is a non-null heap pointer. The hot test of every slot scan. */
    boolean isPointer(long word);

    /** The address a pointer word refers to. Only defined when {@link #isPointer} is true. */
    long untag(long word);

    /** The word for a pointer to {@code address} (8-byte aligned, non-zero). */
    long tagPointer(long address);

    /** A pointer word to {@code newAddress} that keeps every non-address bit of {@code oldWord}. */
    long retarget(long oldWord, long newAddress);

    /** Bits of precision of an immediate integer; {@link #tagSmallInt} accepts the signed range. */
    int smallIntBits();

    long tagSmallInt(long value);

    long untagSmallInt(long word);

    /** Encodes an interaction-net port payload (unsigned, {@link #smallIntBits()} bits). */
    long tagPort(long payload);

    long untagPort(long word);

    /** Encodes an immediate constant payload (unsigned, {@link #smallIntBits()} bits). */
    long tagImmediate(long payload);

    long untagImmediate(long word);

    /**
     * Checks at start-up that every 8-byte-aligned address in {@code [base, limit)} can be encoded
     * as a pointer and decoded back.
     *
     * @throws IllegalArgumentException naming the scheme and the address that does not fit
     */
    void checkAddressRange(long base, long limit);

    /** The largest immediate integer. */
    default long maxSmallInt() {
        return (1L << (smallIntBits() - 1)) - 1;
    }

    /** The smallest immediate integer. */
    default long minSmallInt() {
        return -(1L << (smallIntBits() - 1));
    }
}
