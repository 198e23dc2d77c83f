package dev.parallax.gc.api.roots;

import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * How a moving collector writes a moved object's new address back into a root slot: with one
 * compare-and-set that keeps the slot's tag, never a plain store. Slots other threads may write
 * (parallax-net's Ref cells, which its workers update with compare-and-set) then lose no write.
 *
 * <p>Protocol. The collector read {@code seen} from the slot and decided the target moved to
 * {@code newAddress}. It installs {@code retarget(seen, newAddress)} only if the slot still holds
 * {@code seen}. If another thread changed the slot in between (possible only with a collector that
 * runs beside its mutators; in a stop-the-world pause every writer is parked and the CAS succeeds at
 * once), the collector re-reads it: if the slot still points at the old object (a writer changed
 * only the tag bits), it retargets that word; otherwise the writer's value wins, since it was stored
 * after the collector's read and a concurrent collector's write barrier is responsible for it.
 * Cost: one CAS per moved root, rarely a retry.
 */
public final class TaggedCells {
    private static final VarHandle WORD = ValueLayout.JAVA_LONG.varHandle();

    private TaggedCells() {
    }

    /**
     * Retargets the pointer in slot {@code (region, offset)} from the object it held in {@code seen}
     * to {@code newAddress}, keeping the tag.
     *
     * @return true when this call installed the new word; false when a concurrent writer stored a
     * word that no longer points at the old object (that word is left in place)
     */
    public static boolean retarget(MemorySegment region, long offset, long seen, long newAddress, TagScheme tags) {
        long oldTarget = tags.untag(seen);
        long expected = seen;
        while (!WORD.compareAndSet(region, offset, expected, tags.retarget(expected, newAddress))) {
            expected = (long) WORD.getVolatile(region, offset);
            if (!tags.isPointer(expected) || tags.untag(expected) != oldTarget) {
                return false;
            }
        }
        return true;
    }
}
