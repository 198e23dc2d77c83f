package dev.parallax.gc.jit.stackmap;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.lang.run.ScriptThread;

/**
 * The compiler's debug cross-check, run by compiled code just before each safepoint when it is on:
 * a conservative scan of the innermost frame (every slot read as a raw word, whatever the frame shape
 * says) against the safepoint's stack map. A slot outside the map that holds a word the tag scheme
 * calls a pointer is a live reference the collector would not see (the bug class of missed
 * stack-map roots); a slot in the map must hold null or a pointer.
 */
public final class StackMapCheck {
    private StackMapCheck() {
    }

    /** @throws StackMapViolation naming the safepoint, the slot and the object */
    public static void check(ScriptThread thread, StackMap map) {
        Mutator m = thread.mutator();
        TagScheme tags = thread.tags();
        for (int slot = 0; slot < map.frameSlots(); slot++) {
            long word = m.slot(slot);
            boolean pointer = word != 0 && tags.isPointer(word);
            if (!map.isReference(slot) && pointer) {
                throw new StackMapViolation("stack map check failed at " + map.describe() + ": frame slot " + slot
                        + " holds a heap reference (" + thread.context().runtime().describe(tags.untag(word))
                        + ") but the stack map lists only slots " + map.slots() + ": a collection here would not see it");
            }
            if (map.isReference(slot) && word != 0 && !pointer) {
                throw new StackMapViolation("stack map check failed at " + map.describe() + ": frame slot " + slot
                        + " is in the stack map but holds 0x" + Long.toHexString(word) + ", which is not a reference");
            }
        }
    }
}
