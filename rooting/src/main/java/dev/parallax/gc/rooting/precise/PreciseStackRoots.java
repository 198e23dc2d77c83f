package dev.parallax.gc.rooting.precise;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;

import java.lang.foreign.MemorySegment;

/**
 * Precise stack roots: each mutator's stack map (which slots the code declared as references at
 * this safepoint, as Cranelift user stack maps do) names exactly the slots to report. Every
 * reported slot is updatable, so moving collectors work with it; nothing is pinned.
 *
 * <p>Cost: one bitmap word per 64 stack words, one visitor call per reference slot. Slots that
 * hold a non-pointer value (a small integer stored with {@code setValue}) are reported too; the
 * collector skips them after decoding.
 */
public final class PreciseStackRoots implements RootSource {
    public static final String NAME = "precise";

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
            scanStack(stack, visitor);
        }
    }

    /** Reports the reference slots below the stack top; the map is authoritative, words are not inspected. */
    private static void scanStack(MutatorStackView stack, RootVisitor visitor) {
        MemorySegment words = stack.words();
        long top = stack.topWord();
        int mapWords = (int) ((top + 63) >>> 6);
        for (int i = 0; i < mapWords; i++) {
            long bits = stack.referenceMap(i);
            long first = (long) i << 6;
            if (first + 64 > top) {
                bits &= (1L << (top - first)) - 1; // words at and above the top are dead
            }
            while (bits != 0) {
                long word = first + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                visitor.visitSlot(words, word << 3);
            }
        }
    }
}
