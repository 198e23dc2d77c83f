package dev.parallax.gc.tagging.highbit;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.api.tags.ValueKind;

/**
 * High-bit tagging of 64-bit cells (design report §4.1): on x86-64 and AArch64 a user-space address
 * fits in 48 bits, so the 16 bits above carry the tag and the payload keeps 48 bits.
 *
 * <pre>
 *   bits 63..48   bits 47..0
 *   0x0000        0              null
 *   0x0001        address        pointer
 *   0x0002        signed int     small integer (48 bits, sign-extended on decode)
 *   0x0003        payload        interaction-net port
 *   0x0004        payload        immediate constant
 *   other                        invalid
 * </pre>
 *
 * Unlike {@code low-bit}, a pointer word is <em>not</em> the address: decoding costs a mask, and a
 * conservative scanner that reads words naively (as raw addresses) misses every tagged pointer.
 * That difference is what the conservative-root experiments measure. {@link #checkAddressRange}
 * refuses a heap that reaches above 2^48.
 */
public final class HighBitTags implements TagScheme {
    public static final String NAME = "high-bit";

    private static final int SHIFT = 48;
    private static final long ADDRESS_MASK = (1L << SHIFT) - 1;
    static final long POINTER = 1;
    static final long SMALL_INT = 2;
    static final long PORT = 3;
    static final long IMMEDIATE = 4;
    private static final long MAX_INT = (1L << (SHIFT - 1)) - 1;
    private static final long MIN_INT = -(1L << (SHIFT - 1));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ValueKind kindOf(long word) {
        if (word == 0) {
            return ValueKind.NULL;
        }
        long tag = word >>> SHIFT;
        if (tag == POINTER) {
            return ValueKind.POINTER;
        } else if (tag == SMALL_INT) {
            return ValueKind.SMALL_INT;
        } else if (tag == PORT) {
            return ValueKind.PORT;
        } else if (tag == IMMEDIATE) {
            return ValueKind.IMMEDIATE;
        }
        return ValueKind.INVALID;
    }

    @Override
    public boolean isPointer(long word) {
        return (word >>> SHIFT) == POINTER;
    }

    @Override
    public long untag(long word) {
        return word & ADDRESS_MASK;
    }

    @Override
    public long tagPointer(long address) {
        if ((address & ~ADDRESS_MASK) != 0 || (address & 7) != 0) {
            throw new IllegalArgumentException(String.format(
                    "high-bit: 0x%x is not an 8-byte aligned address below 2^48", address));
        }
        return (POINTER << SHIFT) | address;
    }

    @Override
    public long retarget(long oldWord, long newAddress) {
        return (oldWord & ~ADDRESS_MASK) | newAddress;
    }

    @Override
    public int smallIntBits() {
        return SHIFT;
    }

    @Override
    public long tagSmallInt(long value) {
        if (value < MIN_INT || value > MAX_INT) {
            throw new IllegalArgumentException("high-bit: " + value + " does not fit a 48-bit small integer");
        }
        return (SMALL_INT << SHIFT) | (value & ADDRESS_MASK);
    }

    @Override
    public long untagSmallInt(long word) {
        return (word << (64 - SHIFT)) >> (64 - SHIFT);
    }

    @Override
    public long tagPort(long payload) {
        return (PORT << SHIFT) | unsigned(payload, "port");
    }

    @Override
    public long untagPort(long word) {
        return word & ADDRESS_MASK;
    }

    @Override
    public long tagImmediate(long payload) {
        return (IMMEDIATE << SHIFT) | unsigned(payload, "immediate");
    }

    @Override
    public long untagImmediate(long word) {
        return word & ADDRESS_MASK;
    }

    @Override
    public void checkAddressRange(long base, long limit) {
        if (base == 0 || (base & 7) != 0 || Long.compareUnsigned(limit - 1, ADDRESS_MASK) > 0) {
            throw new IllegalArgumentException(String.format(
                    "high-bit tags need a non-null, 8-byte aligned heap below 2^48 (0x%x); the heap is [0x%x, 0x%x)",
                    1L << SHIFT, base, limit));
        }
    }

    private static long unsigned(long payload, String what) {
        if ((payload & ~ADDRESS_MASK) != 0) {
            throw new IllegalArgumentException("high-bit: " + what + " payload " + payload + " does not fit 48 bits");
        }
        return payload;
    }
}
