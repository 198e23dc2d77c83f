package dev.parallax.gc.properties.teeth;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.tags.TagScheme;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A deliberately leaky root source: precise stack roots, plus every dead word above the stack top
 * (left there by popped frames) that still names an object start, reported as a pinning root. Objects
 * of popped frames survive collections they should not: complete reclamation must notice.
 */
public final class StaleStackRoots implements RootSource {
    public static final String NAME = "precise-with-stale";

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
            long top = stack.topWord();
            for (long w = 0; w < top; w++) {
                if (stack.isReferenceSlot(w)) {
                    visitor.visitSlot(words, w << 3);
                }
            }
            for (long w = top; w < words.byteSize() >>> 3; w++) {
                long word = words.get(ValueLayout.JAVA_LONG, w << 3);
                if (word != 0 && tags.isPointer(word) && context.objectContaining(tags.untag(word)) == tags.untag(word)) {
                    visitor.visitPinningRoot(tags.untag(word));
                }
            }
        }
    }
}
