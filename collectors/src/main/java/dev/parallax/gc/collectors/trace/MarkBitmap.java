package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;

import java.util.Arrays;

/**
 * Side mark bits: one bit per 8-byte heap granule, set at an object's start, kept in a Java
 * {@code long[]} beside the heap (1/64 of the heap's size: 1 MiB for 64 MiB). A sweep walks the
 * set bits to go from live object to live object without reading dead ones
 * ({@link #nextMarked}); {@link #clearAll} is one fill.
 *
 * <p>Memory safety: an address outside the heap indexes outside the array and throws
 * {@link ArrayIndexOutOfBoundsException}; it never touches memory.
 */
public final class MarkBitmap implements MarkBits {
    private final long base;
    private final long limit;
    private final long[] bits;

    public MarkBitmap(ObjectModel objects) {
        this.base = objects.base();
        this.limit = objects.limit();
        this.bits = new long[Math.toIntExact(((objects.capacity() >>> 3) + 63) >>> 6)];
    }

    @Override
    public boolean testAndMark(long object) {
        long granule = (object - base) >>> 3;
        int word = (int) (granule >>> 6);
        long bit = 1L << granule;
        long w = bits[word];
        if ((w & bit) != 0) {
            return false;
        }
        bits[word] = w | bit;
        return true;
    }

    @Override
    public boolean isMarked(long object) {
        long granule = (object - base) >>> 3;
        return (bits[(int) (granule >>> 6)] & (1L << granule)) != 0;
    }

    @Override
    public void clearAll() {
        Arrays.fill(bits, 0L);
    }

    /**
     * The first marked address at or after {@code from} (8-byte aligned, inside the heap), or the
     * heap's limit when none is. Cost: one array load per 64 granules (512 bytes) skipped.
     */
    public long nextMarked(long from) {
        if (from >= limit) {
            return limit;
        }
        long granule = (from - base) >>> 3;
        int word = (int) (granule >>> 6);
        long w = bits[word] & (-1L << granule);
        while (w == 0) {
            if (++word == bits.length) {
                return limit;
            }
            w = bits[word];
        }
        return base + ((((long) word << 6) + Long.numberOfTrailingZeros(w)) << 3);
    }

    /** The number of bitmap words: each covers {@link #BYTES_PER_WORD} bytes of heap, word 0 from the base. */
    public int wordCount() {
        return bits.length;
    }

    /** Bitmap word {@code i}: bit b set when the granule at {@code base + (64 i + b) * 8} is marked. */
    public long word(int i) {
        return bits[i];
    }

    /** Unmarks the 64 granules of word {@code i}. */
    public void clearWord(int i) {
        bits[i] = 0;
    }

    /** Bytes of heap one bitmap word covers. */
    public static final long BYTES_PER_WORD = 64L * HeaderLayout.WORD_BYTES;
}
