package dev.parallax.gc.api.roots;

import dev.parallax.gc.api.object.SlotVisitor;

/**
 * Receives the roots a {@link RootSource} finds, in the two kinds MMTk's binding contract names:
 * <ul>
 *   <li>{@link #visitSlot updatable slots}: precise locations holding a tagged value. The collector
 *       decodes the word with the active tag scheme, keeps the target alive and, if it moves the
 *       target, writes the new address back preserving the tag;</li>
 *   <li>{@link #visitPinningRoot pinning roots}: addresses of objects that must be kept alive and
 *       must not move this cycle, because the word naming them cannot be updated (a conservative
 *       stack word may be an integer that only looks like a pointer).</li>
 * </ul>
 * Implementations must not allocate; they are called once per root.
 */
public interface RootVisitor extends SlotVisitor {
    /** {@code object} is the start address of a valid heap object (the source resolved it). */
    void visitPinningRoot(long object);
}
