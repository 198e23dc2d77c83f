package dev.parallax.gc.api.stack;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The layout of a mutator stack frame, declared once the way compiled code has one stack map per
 * call site: how many word slots the frame has and which of them are <i>reference slots</i>. A
 * reference slot holds a tagged value (a heap pointer, an immediate, or null) and is a precise root
 * for the frame's whole life; the other slots are raw words that precise root sources never read
 * (conservative ones read every word).
 *
 * <p>Zeroing: a {@linkplain #zeroed() zeroed} frame has every slot 0 when it is pushed. An unzeroed
 * frame is pushed as is, which is cheaper: its code promises to write every reference slot before
 * the frame's first safepoint (an allocation, a poll, a collection), the way a compiler spills live
 * values before the safepoint whose stack map names them. Debug mode fills the reference slots of an
 * unzeroed frame with {@link #NEVER_WRITTEN} and the verifier reports a slot still holding it at a
 * collection; release mode trusts the promise (a stale word there would be traced).
 *
 * @param id     the frame shape id, stored in the frame's header word (1 .. 2^32 - 1)
 * @param name   a name for messages ("populate", "makeTree")
 * @param slots  the number of slots
 * @param refMap bit i set when slot i is a reference slot; never changed after creation
 * @param zeroed whether pushing the frame zeroes its slots
 */
public record FrameShape(int id, String name, int slots, long[] refMap, boolean zeroed) {
    /**
     * The raw word debug mode writes into the reference slots of an unzeroed frame when it is pushed.
     * Its low three bits are 101 and its top sixteen bits 0xDEAD, so neither built-in tag scheme
     * reads it as a pointer; the verifier recognises it and names the slot.
     */
    public static final long NEVER_WRITTEN = 0xDEAD_5107_0000_00F5L;

    public FrameShape {
        if (id < 1) {
            throw new IllegalArgumentException("frame shape id " + id + " must be positive");
        }
        if (slots < 0) {
            throw new IllegalArgumentException("frame shape '" + name + "' has a negative slot count: " + slots);
        }
        refMap = refMap.clone();
    }

    /** A frame shape with the given reference slots. */
    public static FrameShape of(int id, String name, int slots, boolean zeroed, int... referenceSlots) {
        if (slots < 0) {
            throw new IllegalArgumentException("frame shape '" + name + "' has a negative slot count: " + slots);
        }
        long[] map = new long[(slots + 63) >>> 6];
        for (int s : referenceSlots) {
            if (s < 0 || s >= slots) {
                throw new IllegalArgumentException(
                        "frame shape '" + name + "': reference slot " + s + " is outside 0.." + (slots - 1));
            }
            map[s >>> 6] |= 1L << s;
        }
        return new FrameShape(id, name, slots, map, zeroed);
    }

    /** Whether slot {@code slot} is a reference slot. Cost: one array load. */
    public boolean isReference(int slot) {
        return slot >= 0 && slot < slots && (refMap[slot >>> 6] & (1L << slot)) != 0;
    }

    /** The number of reference slots. */
    public int referenceCount() {
        int n = 0;
        for (long w : refMap) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public BitSet referenceSlots() {
        return BitSet.valueOf(refMap);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameShape f && f.id == id && f.slots == slots && f.zeroed == zeroed
                && f.name.equals(name) && Arrays.equals(f.refMap, refMap);
    }

    @Override
    public int hashCode() {
        return id * 31 + Arrays.hashCode(refMap);
    }

    @Override
    public String toString() {
        return "FrameShape[" + id + " " + name + ", " + slots + " slots, refs " + referenceSlots()
                + (zeroed ? "" : ", unzeroed") + "]";
    }
}
