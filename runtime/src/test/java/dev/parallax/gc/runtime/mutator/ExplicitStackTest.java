package dev.parallax.gc.runtime.mutator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class ExplicitStackTest {
    private final ExplicitStack stack = new ExplicitStack("m", 200);

    @AfterEach
    void close() {
        stack.close();
    }

    private long word(long i) {
        return stack.words().get(ValueLayout.JAVA_LONG, i * 8);
    }

    private boolean mapBit(long w) {
        return stack.isReferenceSlot(w);
    }

    @Test
    void framesAreLaidOutAsTheViewDocuments() {
        stack.pushFrame(3);
        stack.pushFrame(2);
        assertEquals(2, stack.depth());
        assertEquals(7, stack.topWord());
        assertEquals(3, word(0));                  // first frame: previous 0, 3 slots
        assertEquals((0L << 32) | 2, word(4));     // second frame header at word 4, previous frame at word 0
        stack.pushFrame(1);
        assertEquals((4L << 32) | 1, word(7));
        stack.popFrame();
        stack.popFrame();
        assertEquals(4, stack.topWord());
        stack.store(2, 42, false);                 // back in the first frame: 3 slots
        assertEquals(42, word(3));
    }

    @Test
    void referenceSlotsAreInTheStackMapAndRawOnesAreNot() {
        stack.pushFrame(4);
        stack.store(0, 0x1000, true);
        stack.store(1, 7, false);
        assertTrue(mapBit(1));
        assertFalse(mapBit(2));
        assertTrue(stack.isReference(0));
        stack.store(0, 5, false);
        assertFalse(mapBit(1));
        assertFalse(mapBit(0), "a frame header is never a reference");
    }

    @Test
    void pushZeroesSlotsAndPopClearsTheirMapBits() {
        stack.pushFrame(70);                       // spans two map words
        for (int i = 0; i < 70; i++) {
            stack.store(i, 8L * (i + 1), true);
        }
        stack.popFrame();
        for (int w = 0; w < 71; w++) {
            assertFalse(mapBit(w), "word " + w);
        }
        stack.pushFrame(70);
        for (int i = 0; i < 70; i++) {
            assertEquals(0, stack.load(i), "slot " + i);
            assertFalse(stack.isReference(i));
        }
    }

    @Test
    void overflowNamesTheFrameAndTheCapacity() {
        stack.pushFrame(150);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stack.pushFrame(60));
        assertEquals("mutator 'm': stack overflow pushing a frame of 60 slots (stack holds 200 words)", e.getMessage());
        assertEquals(1, stack.depth(), "a failed push changes nothing");
        stack.pushFrame(48);                       // exactly fills the stack
        assertEquals(200, stack.topWord());
    }

    @Test
    void popWithoutAFrameIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, stack::popFrame);
        assertTrue(e.getMessage().contains("no frame"), e.getMessage());
    }

    @Test
    void slotIndicesAreCheckedAgainstTheInnermostFrame() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> stack.store(0, 1, false));
        assertTrue(none.getMessage().contains("no frame pushed"), none.getMessage());
        stack.pushFrame(5);
        stack.pushFrame(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack.load(2));
        assertEquals("mutator 'm': slot 2 is outside frame 1 of 2 slots", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stack.store(-1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> stack.pushFrame(-1));
    }

    /** Random pushes, pops and stores against a model: the map is exactly the model's reference slots. */
    @Test
    void theStackMapMatchesAModelUnderRandomPushesPopsAndStores() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            try (ExplicitStackHolder h = new ExplicitStackHolder(new ExplicitStack("model", 400))) {
                Deque<boolean[]> frames = new ArrayDeque<>();
                for (int op = 0; op < 300; op++) {
                    int pick = random.nextInt(10);
                    if (pick < 3 && h.stack.topWord() + 1 + 80 <= 400) {
                        int slots = random.nextInt(80);
                        h.stack.pushFrame(slots);
                        frames.push(new boolean[slots]);
                    } else if (pick < 5 && !frames.isEmpty()) {
                        h.stack.popFrame();
                        frames.pop();
                    } else if (!frames.isEmpty() && frames.peek().length > 0) {
                        int slot = random.nextInt(frames.peek().length);
                        boolean ref = random.nextBoolean();
                        h.stack.store(slot, 8L * op, ref);
                        frames.peek()[slot] = ref;
                    }
                    assertMapIs(h.stack, frames, seed);
                }
            }
        });
    }

    private static void assertMapIs(ExplicitStack stack, Deque<boolean[]> frames, long seed) {
        boolean[] expected = new boolean[400];
        int word = 0;
        for (Iterator<boolean[]> it = frames.descendingIterator(); it.hasNext(); ) {
            boolean[] frame = it.next();
            word++;                                        // the header
            for (boolean ref : frame) {
                expected[word++] = ref;
            }
        }
        assertEquals(word, stack.topWord(), "seed " + seed);
        for (int w = 0; w < 400; w++) {
            assertEquals(expected[w], (stack.referenceMap(w >>> 6) & (1L << w)) != 0, "seed " + seed + " word " + w);
        }
    }

    /** Closes the stack's memory after each example. */
    private record ExplicitStackHolder(ExplicitStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
