package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.tags.TagScheme;

/**
 * Where a root lives, for messages and for matching roots before and after a collection. Equal
 * roots name the same place: the same stack (by identity) and word, the same global cell, the same
 * address reported by the same root source.
 *
 * @param where  the kind of place
 * @param stack  the stack, for {@link Where#STACK}; else null
 * @param index  stack word index, global cell index, or reported slot/object address
 * @param name   the global's or the root source's name; else null
 */
public record Root(Where where, MutatorStackView stack, long index, String name) {

    public enum Where {
        /** A reference slot in a mutator's stack map. */
        STACK,
        /** A registered global cell. */
        GLOBAL,
        /** A slot a root source reported outside the stacks and the global table. */
        SOURCE_SLOT,
        /** An object a root source reported as pinned (the index is its address). */
        PINNING
    }

    /** The address this root refers to given the word it holds, or 0 when the word is not a pointer. */
    public long target(long word, TagScheme tags) {
        if (where == Where.PINNING) {
            return word;
        }
        return tags.isPointer(word) ? tags.untag(word) : 0;
    }

    /** "mutator 'm' frame 1 slot 2", "global 'g' (cell 3)", ... */
    public String describe() {
        return switch (where) {
            case STACK -> "mutator '" + stack.mutatorName() + "' " + StackFrames.describe(stack, index);
            case GLOBAL -> "global '" + name + "' (cell " + index + ")";
            case SOURCE_SLOT -> String.format("slot at 0x%x reported by root source '%s'", index, name);
            case PINNING -> String.format("pinning root 0x%x reported by root source '%s'", index, name);
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
