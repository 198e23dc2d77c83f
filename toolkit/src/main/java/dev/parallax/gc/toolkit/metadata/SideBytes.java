package dev.parallax.gc.toolkit.metadata;

import java.util.Arrays;

/**
 * Side metadata of one byte per unit of {@code 2^logUnitBytes} heap bytes, in a Java
 * {@code byte[]} beside the heap: Immix line marks (one per 256-byte line), card tables (one per
 * 512-byte card). Racy writes of the same value by several threads are fine (a card marked twice
 * is marked). An address outside the covered range throws {@link ArrayIndexOutOfBoundsException}.
 */
public final class SideBytes {
    private final long base;
    private final int logUnit;
    private final byte[] bytes;

    public SideBytes(long base, long limit, int logUnitBytes) {
        this.base = base;
        this.logUnit = logUnitBytes;
        this.bytes = new byte[Math.toIntExact((limit - base + (1L << logUnitBytes) - 1) >>> logUnitBytes)];
    }

    public byte get(long address) {
        return bytes[(int) ((address - base) >>> logUnit)];
    }

    public void set(long address, byte value) {
        bytes[(int) ((address - base) >>> logUnit)] = value;
    }

    /** Sets the bytes of every unit that {@code [from, to)} touches. */
    public void setRange(long from, long to, byte value) {
        int first = (int) ((from - base) >>> logUnit);
        int last = (int) ((to - 1 - base) >>> logUnit);
        if (last == first || last == first + 1) { // a small object's one or two units: stores, not a call
            if (bytes[first] != value) {   // most objects share a unit already set: leave its cache line clean
                bytes[first] = value;
            }
            if (bytes[last] != value) {
                bytes[last] = value;
            }
        } else if (last > first) {
            Arrays.fill(bytes, first, last + 1, value);
        }
    }

    /** Copies the bytes of the units in {@code [from, to)} (unit-aligned) into {@code into}, a table of the same layout. */
    public void copyRange(long from, long to, SideBytes into) {
        int first = (int) ((from - base) >>> logUnit);
        System.arraycopy(bytes, first, into.bytes, (int) ((from - into.base) >>> into.logUnit),
                (int) ((to - base) >>> logUnit) - first);
    }

    /** Sets the bytes of the units in {@code [from, to)} (unit-aligned) to 0. */
    public void clearRange(long from, long to) {
        Arrays.fill(bytes, (int) ((from - base) >>> logUnit), (int) ((to - base) >>> logUnit), (byte) 0);
    }

    public void clearAll() {
        Arrays.fill(bytes, (byte) 0);
    }

    /** Bytes of heap one entry covers. */
    public long unitBytes() {
        return 1L << logUnit;
    }
}
