package dev.parallax.gc.rooting.precise;

import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.api.stack.FrameShape;

import java.lang.foreign.MemorySegment;

/**
 * Precise stack roots: each frame's stack map (its {@link FrameShape}, declared once for the frame
 * as compiled code has one stack map per call site) names exactly the slots to report. Every
 * reported slot is updatable, so moving collectors work with it; nothing is pinned.
 *
 * <p>Cost: one header load and one table lookup per frame, one visitor call per reference slot.
 * Reference slots that hold a non-pointer value (a small integer stored with {@code setValue}, or
 * null) are reported too; the collector skips them after decoding.
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

    /** Reports each frame's reference slots, walking the frames from the outermost; words are not inspected. */
    private static void scanStack(MutatorStackView stack, RootVisitor visitor) {
        MemorySegment words = stack.words();
        long top = stack.topWord();
        for (long header = 0; header < top; ) {
            FrameShape shape = stack.frameShape(header);
            if (shape == null) {
                throw new HeapCorruptionException("precise roots: mutator '" + stack.mutatorName()
                        + "': the frame header at stack word " + header + " names frame shape id "
                        + stack.frameShapeId(header) + ", which is not defined");
            }
            long slots = (header + 1) << 3;
            long[] map = shape.refMap();
            for (int w = 0; w < map.length; w++) {
                long bits = map[w];
                while (bits != 0) {
                    long slot = ((long) w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    visitor.visitSlot(words, slots + (slot << 3));
                }
            }
            header += 1 + shape.slots();
        }
    }
}
