package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.stack.FrameShape;

/** Names stack words by frame and slot, walking the frame headers of a {@link MutatorStackView} from word 0. */
public final class StackFrames {
    private StackFrames() {
    }

    /**
     * "frame 2 ('populate') slot 3" (frames counted from the outermost, 0), "frame 2 ('populate')
     * header", or "word N" past the frames or after a corrupt header.
     */
    public static String describe(MutatorStackView stack, long word) {
        long top = stack.topWord();
        long header = 0;
        for (int frame = 0; header < top; frame++) {
            FrameShape shape = stack.frameShape(header);
            if (shape == null) {
                break;
            }
            String name = "frame " + frame + " ('" + shape.name() + "')";
            if (word == header) {
                return name + " header";
            }
            if (word <= header + shape.slots()) {
                return name + " slot " + (word - header - 1);
            }
            header += 1 + shape.slots();
        }
        return "word " + word;
    }

    /** The shape of the frame holding stack word {@code word}, or null past the frames. */
    public static FrameShape shapeOf(MutatorStackView stack, long word) {
        long top = stack.topWord();
        for (long header = 0; header < top; ) {
            FrameShape shape = stack.frameShape(header);
            if (shape == null) {
                return null;
            }
            if (word <= header + shape.slots()) {
                return shape;
            }
            header += 1 + shape.slots();
        }
        return null;
    }
}
