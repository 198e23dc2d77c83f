package dev.parallax.gc.api.roots;

import dev.parallax.gc.api.stack.FrameShape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A stopped mutator's explicit stack, as root sources see it: a region of 64-bit words holding
 * frames (a header word and the frame's slots, the way a native stack holds return addresses and
 * spills), each frame described by its {@link FrameShape}, the frame's stack map.
 *
 * <p>Layout: frames are pushed from word 0 upwards. A frame is one header word
 * ({@code previousFrameHeaderWord << 32 | frameShapeId}, a raw integer) followed by its
 * {@code shape.slots()} slots. Words at and above {@link #topWord()} are dead and are not scanned.
 * A walk from word 0 stepping {@code 1 + slots} per frame lands exactly on {@code topWord()}.
 *
 * <p>Valid only while the world is stopped; the view reflects the stack as it was parked.
 */
public interface MutatorStackView {
    /** The mutator's name, for messages. */
    String mutatorName();

    /** The stack memory; word i lives at byte offset {@code 8 * i}. */
    MemorySegment words();

    /** One past the last live word. */
    long topWord();

    /**
     * The shape of the frame whose header is stack word {@code headerWord}, or null when the header
     * names no defined shape (a corrupt stack). Cost: one load and one table lookup.
     */
    FrameShape frameShape(long headerWord);

    /** The frame shape id stored in the header word at {@code headerWord}. */
    default long frameShapeId(long headerWord) {
        return words().get(ValueLayout.JAVA_LONG, headerWord << 3) & 0xFFFF_FFFFL;
    }

    /** The slot count of the frame whose header is stack word {@code headerWord} (0 for a corrupt header). */
    default long frameSlotCount(long headerWord) {
        FrameShape shape = frameShape(headerWord);
        return shape == null ? 0 : shape.slots();
    }

    /**
     * Whether stack word {@code word} ({@code < topWord()}) is a reference slot of its frame.
     * Cost: a walk over the frames below it; for verification and messages, not for root scanning.
     */
    default boolean isReferenceSlot(long word) {
        long top = topWord();
        for (long h = 0; h < top; ) {
            FrameShape shape = frameShape(h);
            if (shape == null) {
                return false;
            }
            if (word <= h + shape.slots()) {
                return word > h && shape.isReference((int) (word - h - 1));
            }
            h += 1 + shape.slots();
        }
        return false;
    }

    /** The header word of the innermost frame, or -1 when no frame is pushed. Cost: one step per frame. */
    default long innermostFrameHeader() {
        long header = -1;
        for (long h = 0; h < topWord(); ) {
            header = h;
            long slots = frameSlotCount(h);
            h += 1 + slots;
            if (slots == 0 && frameShape(header) == null) {
                break; // a corrupt header: stop rather than loop
            }
        }
        return header;
    }
}
