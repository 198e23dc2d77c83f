package dev.parallax.gc.api.object;

import java.lang.foreign.MemorySegment;

/**
 * Receives slots: 64-bit words that hold a tagged value (a heap reference, an immediate, or null),
 * wherever they live (a heap field, a mutator stack slot, a global cell, a Ref-node cell).
 *
 * <p>A slot is named by its region and its byte offset, never copied: a moving collector stores the
 * new address back into it, preserving the tag (see {@code TagScheme#retarget}). Implementations
 * are called on hot paths and must not allocate.
 */
@FunctionalInterface
public interface SlotVisitor {
    /** Called once per slot; {@code offset} is 8-byte aligned and inside {@code region}. */
    void visitSlot(MemorySegment region, long offset);
}
