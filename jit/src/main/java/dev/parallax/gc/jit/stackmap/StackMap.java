package dev.parallax.gc.jit.stackmap;

import dev.parallax.gc.jit.analysis.Liveness;
import dev.parallax.gc.lang.ir.Site;

import java.util.BitSet;

/**
 * The stack map the compiler records for one safepoint: which slots of the method's frame hold the
 * references live across it. The frame's shape declares the union of its safepoints' maps as
 * reference slots; before each safepoint the compiled code writes the live references into their
 * slots and zeroes the others, so a collection there sees exactly this map.
 *
 * @param index      the safepoint's number in its script's table
 * @param kind       what the safepoint is
 * @param site       where it is
 * @param frameSlots the slots of the method's frame
 * @param slots      the reference slots recorded for this safepoint
 */
public record StackMap(int index, Liveness.SiteKind kind, Site site, int frameSlots, BitSet slots) {
    public StackMap {
        slots = (BitSet) slots.clone();
    }

    public boolean isReference(int slot) {
        return slots.get(slot);
    }

    /** {@code safepoint #3 (ALLOCATION at lists.script:12:9 in rotate)}. */
    public String describe() {
        return "safepoint #" + index + " (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " at "
                + site.file() + ":" + site.pos() + " in method '" + site.method() + "')";
    }
}
