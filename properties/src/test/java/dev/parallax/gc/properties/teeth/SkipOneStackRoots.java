package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.ValueLayout;

/**
 * A deliberately broken root source, to show that the properties have teeth: like precise stack
 * roots, but it never reports the last reference slot holding a pointer in each mutator's innermost
 * frame. An object held only there is reclaimed while the program still uses it.
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
            long skipped = lastPointerSlotOfInnermostFrame(stack, context.tags());
            for (long w = 0; w < stack.topWord(); w++) {
                if (stack.isReferenceSlot(w) && w != skipped) {
                    visitor.visitSlot(stack.words(), w << 3);
                }
            }
        }
    }

    /** The last reference slot of the innermost frame that holds a pointer, or -1 when none does. */
    private static long lastPointerSlotOfInnermostFrame(MutatorStackView stack, TagScheme tags) {
        long header = stack.innermostFrameHeader();
        for (long w = stack.topWord() - 1; w > header && header >= 0; w--) {
            if (stack.isReferenceSlot(w) && tags.isPointer(stack.words().get(ValueLayout.JAVA_LONG, w << 3))) {
                return w;
            }
        }
        return -1;
    }
}
