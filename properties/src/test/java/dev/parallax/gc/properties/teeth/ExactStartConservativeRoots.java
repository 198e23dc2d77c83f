package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A deliberately broken conservative root source: like {@code conservative} with tag decoding, but
 * it ignores interior pointers (a word counts only when it names an object's start), so an object
 * named by a derived pointer alone is reclaimed.
 */
public final class ExactStartConservativeRoots implements RootSource {
    public static final String NAME = "conservative-exact-starts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reportsPinningRoots() {
        return true;
    }

    @Override
    public void scanRoots(RootScanContext context, RootVisitor visitor) {
        TagScheme tags = context.tags();
        for (MutatorStackView stack : context.stacks()) {
            MemorySegment words = stack.words();
            for (long w = 0; w < stack.topWord(); w++) {
                long word = words.get(ValueLayout.JAVA_LONG, w << 3);
                long candidate = tags.isPointer(word) ? tags.untag(word) : 0;
                if (context.objects().inHeap(candidate) && context.objectContaining(candidate) == candidate) {
                    visitor.visitPinningRoot(candidate);
                }
            }
        }
    }
}
