package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;

/**
 * A deliberately broken root source that only several threads expose: precise stack roots of the
 * first attached mutator alone. Every single-mutator check passes; with two mutators, a collection
 * while the second holds an object in its frame reclaims it.
 */
public final class FirstStackOnlyRoots implements RootSource {
    public static final String NAME = "precise-first-stack-only";

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
        if (context.stacks().isEmpty()) {
            return;
        }
        MutatorStackView stack = context.stacks().getFirst();
        for (long w = 0; w < stack.topWord(); w++) {
            if (stack.isReferenceSlot(w)) {
                visitor.visitSlot(stack.words(), w << 3);
            }
        }
    }
}
