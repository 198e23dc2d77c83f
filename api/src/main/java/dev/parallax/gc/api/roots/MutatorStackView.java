package dev.parallax.gc.api.roots;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A stopped mutator's explicit stack, as root sources see it: a region of 64-bit words (frame
 * headers and slots, the way a native stack holds return addresses and spills) and a stack map that
 * says which words are reference slots at this safepoint.
 *
 * <p>Layout: frames are pushed from offset 0 upwards. A frame is one header word
 * ({@code previousFrameWord << 32 | slotCount}, a raw integer) followed by its slots. Words at and
 * above {@link #topWord()} are dead and are not scanned.
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
     * Word {@code i} of the stack map: bit {@code b} is set when stack word {@code 64 * i + b} is a
     * reference slot (declared with {@code Mutator.setRef} or {@code Mutator.setValue}).
     * Cost: one array load. Valid for {@code i < (topWord() + 63) / 64}.
     */
    long referenceMap(int i);

    /** Whether stack word {@code word} ({@code < topWord()}) is a reference slot. Cost: one bit test. */
    default boolean isReferenceSlot(long word) {
        return (referenceMap((int) (word >>> 6)) & (1L << word)) != 0;
    }

    /** The slot count of the frame whose header is stack word {@code headerWord}. */
    default long frameSlotCount(long headerWord) {
        return words().get(ValueLayout.JAVA_LONG, headerWord << 3) & 0xFFFF_FFFFL;
    }

    /** The header word of the innermost frame, or -1 when no frame is pushed. Cost: one step per frame. */
    default long innermostFrameHeader() {
        long header = -1;
        for (long h = 0; h < topWord(); h += 1 + frameSlotCount(h)) {
            header = h;
        }
        return header;
    }
}
