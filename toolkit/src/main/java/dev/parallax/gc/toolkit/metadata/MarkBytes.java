package dev.parallax.gc.toolkit.metadata;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A mark table of one byte per unit of {@code 2^logUnitBytes} heap bytes (one per 8-byte granule
 * for object marks), in a Java {@code byte[]} beside the heap: the side metadata for a space that
 * several GC workers mark at once. A byte is the smallest unit Java stores without touching its
 * neighbours (JLS 17.6, no word tearing), so workers may mark with plain stores
 * ({@link #testAndSetRacy}) where a bitmap needs a compare-and-set per mark: the price is that two
 * workers reaching one unmarked object at the same instant may both see it unmarked and both scan
 * it, so the caller's scan must be idempotent (a non-moving space's is). {@link #testAndSetAtomic}
 * is a compare-and-set with exactly one winner, for exact counts. An address outside the covered
 * range indexes outside the array and throws {@link ArrayIndexOutOfBoundsException}.
 *
 * <p>Cost: 1/8 of the covered heap for 8-byte units (a {@link SideBits} bitmap is 1/512); clearing
 * and walking read 8 units per load ({@link #nextSet}).
 */
public final class MarkBytes {
    private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);
    /** Eight marks at once, the lowest address in the lowest byte. */
    private static final VarHandle EIGHT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte MARKED = 1;

    private final long base;
    private final int logUnit;
    private final byte[] bytes;

    /** Marks for the units of {@code [base, limit)}. */
    public MarkBytes(long base, long limit, int logUnitBytes) {
        this.base = base;
        this.logUnit = logUnitBytes;
        this.bytes = new byte[Math.toIntExact((limit - base + (1L << logUnitBytes) - 1) >>> logUnitBytes)];
    }

    private int index(long address) {
        return (int) ((address - base) >>> logUnit);
    }

    private long address(int index) {
        return base + ((long) index << logUnit);
    }

    public boolean get(long address) {
        return bytes[index(address)] != 0;
    }

    /**
     * Marks the unit with a plain store; true if it looked unmarked. One tracer: exact. Several: a
     * unit two of them mark at the same instant may return true to both (never to none).
     */
    public boolean testAndSetRacy(long address) {
        int i = index(address);
        if (bytes[i] != 0) {
            return false;
        }
        bytes[i] = MARKED;
        return true;
    }

    /** Marks the unit with a compare-and-set: true for exactly one of several racing threads. */
    public boolean testAndSetAtomic(long address) {
        int i = index(address);
        return bytes[i] == 0 && BYTES.compareAndSet(bytes, i, (byte) 0, MARKED);
    }

    public void clear(long address) {
        bytes[index(address)] = 0;
    }

    /** Clears the marks of the units in {@code [from, to)} (unit-aligned addresses). */
    public void clearRange(long from, long to) {
        Arrays.fill(bytes, index(from), index(to), (byte) 0);
    }

    /**
     * The first address at or after {@code from} whose unit is marked (the start of its unit), or
     * {@code to} when none is below {@code to}. Cost: one load per 8 units skipped.
     */
    public long nextSet(long from, long to) {
        if (from >= to) {
            return to;
        }
        int i = index(from);
        int end = (int) ((to - base + (1L << logUnit) - 1) >>> logUnit);
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long eight = (long) EIGHT.get(bytes, i);
            if (eight != 0) {
                return Math.min(address(i + (Long.numberOfTrailingZeros(eight) >>> 3)), to);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] != 0) {
                return Math.min(address(i), to);
            }
        }
        return to;
    }

    /** The number of marked units in {@code [from, to)} (unit-aligned). */
    public int count(long from, long to) {
        int n = 0;
        for (long a = nextSet(from, to); a < to; a = nextSet(a + (1L << logUnit), to)) {
            n++;
        }
        return n;
    }
}
