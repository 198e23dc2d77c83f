package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;

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
                if (stack.isReferenceSlot(w) && w != skipped) {
                    visitor.visitSlot(stack.words(), w << 3);
                }
            }
        }
    }

    /** The last reference slot of the innermost frame, or -1 when it has none (or there is no frame). */
    private static long lastReferenceSlotOfInnermostFrame(MutatorStackView stack) {
        long header = stack.innermostFrameHeader();
        for (long w = stack.topWord() - 1; w > header && header >= 0; w--) {
            if (stack.isReferenceSlot(w)) {
                return w;
            }
        }
        return -1;
    }
}
