package dev.parallax.gc.runtime.collection;

import java.util.Arrays;

/**
 * A set of non-zero addresses: open addressing with linear probing over a {@code long[]} whose
 * empty cells hold 0. Reused across pauses; {@link #add} allocates only when the table grows.
 * Used by the collecting thread only.
 */
final class AddressSet {
    private static final int INITIAL_CAPACITY = 64;

    // a power of two, at most half full; 0 marks an empty cell
    private long[] table = new long[INITIAL_CAPACITY];
    private int size;

    /** Adds {@code address} (not 0); true if it was not yet in the set. */
    boolean add(long address) {
        int mask = table.length - 1;
        for (int i = slot(address, mask); ; i = (i + 1) & mask) {
            long k = table[i];
            if (k == address) {
                return false;
            }
            if (k == 0) {
                table[i] = address;
                if (++size * 2 > table.length) {
                    grow();
                }
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    /** Empties the set, keeping its table. Cost: the table's length, only when the set is not empty. */
    void clear() {
        if (size != 0) {
            Arrays.fill(table, 0L);
            size = 0;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long k : old) {
            if (k != 0) {
                int i = slot(k, mask);
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = k;
            }
        }
    }

    /** Fibonacci hashing of the word index: addresses are 8-byte aligned. */
    private static int slot(long address, int mask) {
        return (int) (((address >>> 3) * 0x9E37_79B9_7F4A_7C15L) >>> 32) & mask;
    }
}
