package dev.parallax.gc.collectors.markcompact;

import dev.parallax.gc.api.object.HeapCorruptionException;

import java.util.Arrays;

/**
 * Old and new address of every live object, in address order, with a block index for O(1) lookup:
 * {@code firstInBlock[b]} is the first entry at or after the start of 512-byte block {@code b}, so
 * finding an object's entry scans at most the objects that start in its block.
 *
 * <p>Kept outside the heap (two longs per live object on the Java heap, one int per block) so the
 * object header keeps its id through a move, unlike Lisp-2's in-header forwarding word.
 */
final class ForwardingTable {
    private static final int BLOCK_SHIFT = 9;

    private final long base;
    private final int[] firstInBlock;
    private long[] from = new long[1024];
    private long[] to = new long[1024];
    private int count;
    private int blocksFilled;

    ForwardingTable(long base, long limit) {
        this.base = base;
        this.firstInBlock = new int[(int) (((limit - base) >>> BLOCK_SHIFT) + 1)];
    }

    void clear() {
        count = 0;
        blocksFilled = 0;
    }

    /** Appends an entry; {@code oldAddress} must be greater than every earlier one. */
    void add(long oldAddress, long newAddress) {
        if (count + 1 >= from.length) {
            from = Arrays.copyOf(from, from.length * 2);
            to = Arrays.copyOf(to, to.length * 2);
        }
        int block = (int) ((oldAddress - base) >>> BLOCK_SHIFT);
        while (blocksFilled <= block) {
            firstInBlock[blocksFilled++] = count;
        }
        from[count] = oldAddress;
        to[count] = newAddress;
        count++;
    }

    /** Closes the table: blocks past the last object point at a sentinel. */
    void seal() {
        while (blocksFilled < firstInBlock.length) {
            firstInBlock[blocksFilled++] = count;
        }
        from[count] = Long.MAX_VALUE;
    }

    int size() {
        return count;
    }

    long oldAddress(int i) {
        return from[i];
    }

    long newAddress(int i) {
        return to[i];
    }

    /** The new address of the live object at {@code oldAddress}. */
    long forward(long oldAddress) {
        int i = firstInBlock[(int) ((oldAddress - base) >>> BLOCK_SHIFT)];
        while (from[i] < oldAddress) {
            i++;
        }
        if (from[i] != oldAddress) {
            throw new HeapCorruptionException(String.format(
                    "compaction: a slot refers to 0x%x, which is not a live object start", oldAddress));
        }
        return to[i];
    }
}
