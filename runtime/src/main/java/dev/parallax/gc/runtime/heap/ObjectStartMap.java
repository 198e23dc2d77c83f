package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The cell starts of a parsable heap (objects, free chunks, fillers) as a bitmap of one bit per
 * 8-byte word, so that {@link #objectContaining} costs a backward bit search instead of a walk from
 * the heap's base. Built by one linear walk on the first lookup after {@link #invalidate}; the
 * owner invalidates it whenever the heap's cells may have changed (every pause, and every phase
 * that allocates, frees or moves cells). Answers exactly as {@link HeapWalk#objectContaining}.
 *
 * <p>Used by the collecting thread only, with the world stopped and every allocation buffer retired.
 */
public final class ObjectStartMap {
    /** Kind codes below this name a kind (they are dense from 0). */
    private static final int KINDS = ObjectKind.values().length;
    private static final int FILLER = ObjectKind.FILLER.code();

    private final ObjectModel objects;
    private final long base;
    private final int mapWords;
    // bit w of word w/64 set iff heap word w starts a cell below parsedLimit; null until first needed
    private long[] bits;
    // true from a build until invalidate(): the bits describe the heap as it is now
    private boolean valid;
    // the walk met an unparsable cell here (or the heap's limit): nothing at or above it resolves
    private long parsedLimit;
    private long builds;

    /** @param allocateNow reserve the bitmap now (a root source will need it) rather than on first use */
    public ObjectStartMap(ObjectModel objects, boolean allocateNow) {
        this.objects = objects;
        this.base = objects.base();
        long heapWords = (objects.limit() - base) >>> 3;
        this.mapWords = Math.toIntExact((heapWords + 63) >>> 6);
        this.bits = allocateNow ? new long[mapWords] : null;
    }

    /** The heap's cells may have changed: the next lookup rebuilds the map. */
    public void invalidate() {
        valid = false;
    }

    /** How many times the map was built (for tests and reports). */
    public long builds() {
        return builds;
    }

    /**
     * The start of the allocated object containing {@code address} (its start or an interior
     * address), or 0 outside the heap, in free space, or at or beyond an unparsable cell. Never
     * throws. Cost: one map build per invalidation, then a backward scan over the map words
     * between the address and its cell's start.
     */
    public long objectContaining(long address) {
        if (!objects.inHeap(address)) {
            return 0;
        }
        if (!valid) {
            build();
        }
        if (address >= parsedLimit) {
            return 0;
        }
        long cell = cellStartAtOrBelow(address);
        if (cell == 0) {
            return 0;
        }
        long status = objects.status(cell);
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
        return kind != null && kind.isObject() && address - cell < objects.sizeOf(status) ? cell : 0;
    }

    /** The nearest mapped cell start at or below {@code address}, or 0 when none is. */
    private long cellStartAtOrBelow(long address) {
        long word = (address - base) >>> 3;
        int i = (int) (word >>> 6);
        long w = bits[i] & (-1L >>> (63 - (int) (word & 63)));   // bits 0..word%64
        while (w == 0) {
            if (--i < 0) {
                return 0;
            }
            w = bits[i];
        }
        long startWord = ((long) i << 6) + 63 - Long.numberOfLeadingZeros(w);
        return base + (startWord << 3);
    }

    /**
     * One walk from the base, as {@link HeapWalk#cellContaining} steps, stopping at an unparsable cell.
     * Reads the heap segment directly and sizes cells inline: this walk visits every cell of the heap
     * at every pause that resolves a word, so it is the conservative root scan's main cost.
     */
    private void build() {
        if (bits == null) {
            bits = new long[mapWords];
        } else {
            Arrays.fill(bits, 0L);
        }
        MemorySegment heap = objects.heap();
        long headerWords = objects.headerWords();
        long end = objects.limit() - base;
        long offset = 0;
        while (offset < end) {
            long status = heap.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
            int kind = HeaderLayout.kindCode(status);
            if (kind >= KINDS) {
                break;  // no kind has this code: unparsable from here on
            }
            long size = kind == FILLER ? HeaderLayout.WORD_BYTES : (headerWords + (status >>> HeaderLayout.LENGTH_SHIFT)) << 3;
            if (size > end - offset) {
                break;
            }
            bits[(int) (offset >>> 9)] |= 1L << (offset >>> 3);
            offset += size;
        }
        parsedLimit = base + offset;
        valid = true;
        builds++;
    }
}
