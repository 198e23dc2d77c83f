package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.roots.MutatorStackView;

/** Names stack words by frame and slot, walking the frame headers of a {@link MutatorStackView} from word 0. */
public final class StackFrames {
    private StackFrames() {
    }

    /** "frame 2 slot 3" (frames counted from the outermost, 0), "frame 2 header", or "word N" past the frames. */
    public static String describe(MutatorStackView stack, long word) {
        long top = stack.topWord();
        long header = 0;
        for (int frame = 0; header < top; frame++) {
            long slots = stack.frameSlotCount(header);
            if (word == header) {
                return "frame " + frame + " header";
            }
            if (word <= header + slots) {
                return "frame " + frame + " slot " + (word - header - 1);
            }
            header += 1 + slots;
        }
        return "word " + word;
    }
}
