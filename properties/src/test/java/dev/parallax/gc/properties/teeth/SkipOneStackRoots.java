package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A deliberately broken root source, to show that the properties have teeth: like precise stack
 * roots, but it never reports the last reference slot of each mutator's innermost frame. An object
 * held only there is reclaimed while the program still uses it.
 */
public final class SkipOneStackRoots implements RootSource {
    public static final String NAME = "precise-skip-one";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reportsPinningRoots() {
        return false;
    }

    @Override
    public void scanRoots(RootScanContext context, RootVisitor visitor) {
        for (MutatorStackView stack : context.stacks()) {
            long skipped = lastReferenceSlotOfInnermostFrame(stack);
            for (long w = 0; w < stack.topWord(); w++) {
                if (isReference(stack, w) && w != skipped) {
                    visitor.visitSlot(stack.words(), w << 3);
                }
            }
        }
    }

    /** Walks the frame headers ({@code previous << 32 | slots}) up from word 0 to the innermost frame. */
    private static long lastReferenceSlotOfInnermostFrame(MutatorStackView stack) {
        MemorySegment words = stack.words();
        long top = stack.topWord();
        long header = -1;
        for (long h = 0; h < top; h += 1 + (words.get(ValueLayout.JAVA_LONG, h << 3) & 0xFFFF_FFFFL)) {
            header = h;
        }
        for (long w = top - 1; w > header && header >= 0; w--) {
            if (isReference(stack, w)) {
                return w;
            }
        }
        return -1;
    }

    private static boolean isReference(MutatorStackView stack, long word) {
        return (stack.referenceMap((int) (word >>> 6)) & (1L << word)) != 0;
    }
}
