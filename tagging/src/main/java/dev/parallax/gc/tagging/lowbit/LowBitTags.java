package dev.parallax.gc.tagging.lowbit;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.api.tags.ValueKind;

/**
 * Low-bit tagging of 64-bit cells (design report §4.1): objects are 8-byte aligned, so a pointer's
 * three low bits are zero and can carry a tag.
 *
 * <pre>
 *   ...payload... 000   pointer (the word is the address itself); the all-zero word is null
 *   ...61 bits... 001   small integer, signed
 *   ...61 bits... 010   interaction-net port
 *   ...61 bits... 011   immediate constant
 *   ...........   1xx   not produced (invalid)
 * </pre>
 *
 * A pointer needs no decoding at all, which keeps the collector's slot scan to one test; integers
 * pay a shift. Any 8-aligned 64-bit address fits, so {@link #checkAddressRange} only checks alignment.
 */
public final class LowBitTags implements TagScheme {
    public static final String NAME = "low-bit";

    static final int TAG_BITS = 3;
    static final long TAG_MASK = (1L << TAG_BITS) - 1;
    static final long POINTER = 0b000;
    static final long SMALL_INT = 0b001;
    static final long PORT = 0b010;
    static final long IMMEDIATE = 0b011;
    private static final int PAYLOAD_BITS = 64 - TAG_BITS;
    private static final long MAX_INT = (1L << (PAYLOAD_BITS - 1)) - 1;
    private static final long MIN_INT = -(1L << (PAYLOAD_BITS - 1));
    private static final long MAX_UNSIGNED = (1L << PAYLOAD_BITS) - 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ValueKind kindOf(long word) {
        if (word == 0) {
            return ValueKind.NULL;
        }
        return switch ((int) (word & TAG_MASK)) {
            case (int) POINTER -> ValueKind.POINTER;
            case (int) SMALL_INT -> ValueKind.SMALL_INT;
            case (int) PORT -> ValueKind.PORT;
            case (int) IMMEDIATE -> ValueKind.IMMEDIATE;
            default -> ValueKind.INVALID;
        };
    }

    @Override
    public boolean isPointer(long word) {
        return word != 0 && (word & TAG_MASK) == POINTER;
    }

    @Override
    public long untag(long word) {
        return word;
    }

    @Override
    public long tagPointer(long address) {
        if ((address & TAG_MASK) != 0) {
            throw new IllegalArgumentException(String.format("low-bit: 0x%x is not 8-byte aligned", address));
        }
        return address;
    }

    @Override
    public long retarget(long oldWord, long newAddress) {
        return newAddress | (oldWord & TAG_MASK);
    }

    @Override
    public int smallIntBits() {
        return PAYLOAD_BITS;
    }

    @Override
    public long tagSmallInt(long value) {
        if (value < MIN_INT || value > MAX_INT) {
            throw new IllegalArgumentException("low-bit: " + value + " does not fit a " + PAYLOAD_BITS + "-bit small integer");
        }
        return (value << TAG_BITS) | SMALL_INT;
    }

    @Override
    public long untagSmallInt(long word) {
        return word >> TAG_BITS;
    }

    @Override
    public long tagPort(long payload) {
        return (unsigned(payload, "port") << TAG_BITS) | PORT;
    }

    @Override
    public long untagPort(long word) {
        return word >>> TAG_BITS;
    }

    @Override
    public long tagImmediate(long payload) {
        return (unsigned(payload, "immediate") << TAG_BITS) | IMMEDIATE;
    }

    @Override
    public long untagImmediate(long word) {
        return word >>> TAG_BITS;
    }

    @Override
    public void checkAddressRange(long base, long limit) {
        if (base == 0 || ((base | limit) & TAG_MASK) != 0) {
            throw new IllegalArgumentException(String.format(
                    "low-bit tags need a non-null, 8-byte aligned heap; got [0x%x, 0x%x)", base, limit));
        }
    }

    private static long unsigned(long payload, String what) {
        if (payload < 0 || payload > MAX_UNSIGNED) {
            throw new IllegalArgumentException("low-bit: " + what + " payload " + payload + " does not fit "
                    + PAYLOAD_BITS + " bits");
        }
        return payload;
    }
}
