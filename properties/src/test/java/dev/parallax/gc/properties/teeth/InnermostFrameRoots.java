package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;

/**
 * A deliberately broken root source: precise stack roots of each mutator's innermost frame only.
 * Objects held only by outer frames are reclaimed while the program can still return to them; the
 * graph check (which looks at the innermost frame) does not see it until the frames are popped, but
 * the pause invariant {@code only-unreachable-reclaimed} sees it in the pause.
 */
public final class InnermostFrameRoots implements RootSource {
    public static final String NAME = "precise-innermost";

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
            for (long w = stack.innermostFrameHeader() + 1; w > 0 && w < stack.topWord(); w++) {
                if (stack.isReferenceSlot(w)) {
                    visitor.visitSlot(stack.words(), w << 3);
                }
            }
        }
    }
}
