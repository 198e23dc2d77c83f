package dev.parallax.gc.toolkit.metadata;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Side metadata of one bit per unit of {@code 2^logUnitBytes} heap bytes, kept in a Java
 * {@code long[]} beside the heap (MMTk's side metadata): mark bits (one per 8-byte granule), log
 * bits, valid-object bits. Plain reads and writes for one thread; {@link #testAndSetAtomic} for
 * parallel tracers. An address outside the covered range indexes outside the array and throws
 * {@link ArrayIndexOutOfBoundsException}: it never touches memory.
 */
public final class SideBits {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long base;
    private final long limit;
    private final int logUnit;
    private final long[] words;

    /** Bits for the units of {@code [base, limit)}. */
    public SideBits(long base, long limit, int logUnitBytes) {
        this.base = base;
        this.limit = limit;
        this.logUnit = logUnitBytes;
        long units = (limit - base + (1L << logUnitBytes) - 1) >>> logUnitBytes;
        this.words = new long[Math.toIntExact((units + 63) >>> 6)];
    }

    /** Bytes of heap one bit covers. */
    public long unitBytes() {
        return 1L << logUnit;
    }

    public boolean get(long address) {
        long unit = (address - base) >>> logUnit;
        return (words[(int) (unit >>> 6)] & (1L << unit)) != 0;
    }

    /** Sets the bit; true if it was clear. One thread at a time. */
    public boolean testAndSet(long address) {
        long unit = (address - base) >>> logUnit;
        int i = (int) (unit >>> 6);
        long bit = 1L << unit;
        long w = words[i];
        if ((w & bit) != 0) {
            return false;
        }
        words[i] = w | bit;
        return true;
    }

    /** Sets the bit with a compare-and-set: true for exactly one of several racing threads. */
    public boolean testAndSetAtomic(long address) {
        long unit = (address - base) >>> logUnit;
        int i = (int) (unit >>> 6);
        long bit = 1L << unit;
        long w = words[i];   // a stale word only costs a failed exchange: the exchange reads the word again
        while ((w & bit) == 0) {
            long seen = (long) WORDS.compareAndExchange(words, i, w, w | bit);
            if (seen == w) {
                return true;
            }
            w = seen;
        }
        return false;
    }

    public void clear(long address) {
        long unit = (address - base) >>> logUnit;
        words[(int) (unit >>> 6)] &= ~(1L << unit);
    }

    /** Clears every bit. Cost: one fill of the table (1/512 of the heap for 8-byte units). */
    public void clearAll() {
        Arrays.fill(words, 0L);
    }

    /** Clears the bits of the units in {@code [from, to)} (unit-aligned addresses). */
    public void clearRange(long from, long to) {
        long first = (from - base) >>> logUnit;
        long end = (to - base) >>> logUnit;
        while (first < end && (first & 63) != 0) {
            words[(int) (first >>> 6)] &= ~(1L << first);
            first++;
        }
        while (end - first >= 64) {
            words[(int) (first >>> 6)] = 0;
            first += 64;
        }
        while (first < end) {
            words[(int) (first >>> 6)] &= ~(1L << first);
            first++;
        }
    }

    /**
     * The first address at or after {@code from} whose bit is set (the start of its unit), or
     * {@code to} when none is below {@code to}. Cost: one load per 64 units skipped.
     */
    public long nextSet(long from, long to) {
        if (from >= to) {
            return to;
        }
        long unit = (from - base) >>> logUnit;
        long endUnit = (to - base + (1L << logUnit) - 1) >>> logUnit;
        int i = (int) (unit >>> 6);
        long w = words[i] & (-1L << unit);
        while (w == 0) {
            if ((long) (++i) << 6 >= endUnit) {
                return to;
            }
            w = words[i];
        }
        long found = base + ((((long) i << 6) + Long.numberOfTrailingZeros(w)) << logUnit);
        return Math.min(found, to);
    }

    /** The number of set bits for units in {@code [from, to)} (unit-aligned). */
    public int count(long from, long to) {
        int n = 0;
        for (long a = nextSet(from, to); a < to; a = nextSet(a + (1L << logUnit), to)) {
            n++;
        }
        return n;
    }

    /** The covered range's end. */
    public long limit() {
        return limit;
    }
}
