package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.roots.MutatorStackView;
import dev.parallax.gc.api.stack.FrameShape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** A mutator's explicit stack: frames with static stack maps, as root sources see them through the view. */
class MutatorStackTest {
    private static GcRuntimeImpl runtime(boolean debug, int stackWords) {
        return TestRuntimes.create(TestRuntimes.small().withStackWords(stackWords).withDebug(debug));
    }

    private static long word(MutatorStackView stack, long i) {
        return stack.words().get(ValueLayout.JAVA_LONG, i * 8);
    }

    @Test
    void framesAreLaidOutAsTheViewDocuments() {
        try (GcRuntimeImpl rt = runtime(false, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
            FrameShape three = rt.frames().define("three", 3, 0);
            FrameShape two = rt.frames().define("two", 2, 1);
            MutatorStackView stack = m.stack();
            m.pushFrame(three);
            m.pushFrame(two);
            assertEquals(2, m.frameDepth());
            assertEquals(7, stack.topWord());
            assertEquals(three.id(), word(stack, 0));                 // first frame: previous 0
            assertEquals((0L << 32) | two.id(), word(stack, 4));      // second frame at word 4, previous at word 0
            m.pushFrame(three);
            assertEquals((4L << 32) | three.id(), word(stack, 7));
            assertEquals(7, stack.innermostFrameHeader());
            m.popFrame();
            m.popFrame();
            assertEquals(4, stack.topWord());
            m.setRaw(2, 42);                                          // back in the first frame: 3 slots
            assertEquals(42, word(stack, 3));
            m.popFrame();
        }
    }

    @Test
    void theFrameShapeSaysWhichWordsAreReferenceSlots() {
        try (GcRuntimeImpl rt = runtime(false, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
            m.pushFrame(rt.frames().define("mixed", 4, 0, 3));
            m.pushFrame(2);
            MutatorStackView stack = m.stack();
            List<Boolean> map = new ArrayList<>();
            for (long w = 0; w < stack.topWord(); w++) {
                map.add(stack.isReferenceSlot(w));
            }
            assertEquals(List.of(false, true, false, false, true, false, true, true), map, "headers are never references");
            m.popFrame();
            m.popFrame();
        }
    }

    @Test
    void zeroedShapesAreZeroedAndUnzeroedOnesKeepWhatWasThere() {
        try (GcRuntimeImpl rt = runtime(false, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
            FrameShape zeroed = rt.frames().define("zeroed", 3, 0, 1, 2);
            FrameShape unzeroed = rt.frames().defineUnzeroed("unzeroed", 3, 0, 1, 2);
            m.pushFrame(zeroed);
            for (int i = 0; i < 3; i++) {
                m.setValue(i, 8L * (i + 1));
            }
            m.popFrame();
            m.pushFrame(unzeroed);
            assertEquals(16, m.slot(1), "release mode does not touch an unzeroed frame's slots");
            m.popFrame();
            m.pushFrame(zeroed);
            for (int i = 0; i < 3; i++) {
                assertEquals(0, m.slot(i), "slot " + i);
            }
            m.popFrame();
        }
    }

    @Test
    void debugModeCatchesAnUnzeroedSlotNotWrittenBeforeASafepoint() {
        try (GcRuntimeImpl rt = runtime(true, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
            Shape box = rt.shapes().define("box", 1);
            FrameShape promise = rt.frames().defineUnzeroed("promise", 2, 0, 1);
            m.pushFrame(promise);
            assertEquals(FrameShape.NEVER_WRITTEN, m.slot(0));
            m.setRef(0, m.allocate(box));  // slot 1 is still unwritten at this safepoint
            HeapCorruptionException e = assertThrows(HeapCorruptionException.class, m::collect);
            assertTrue(e.getMessage().contains("frame 0 ('promise') slot 1 was never written"), e.getMessage());
            m.setRef(1, 0);
            m.collect();
            m.popFrame();
        }
    }

    @Test
    void overflowNamesTheFrameAndTheCapacityInEveryMode() {
        for (boolean debug : new boolean[]{false, true}) {
            try (GcRuntimeImpl rt = runtime(debug, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
                m.pushFrame(150);
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.pushFrame(60));
                assertEquals("mutator 'm': stack overflow pushing frame 'refs/60' of 60 slots (the stack holds 200 "
                        + "words; config key stack)", e.getMessage());
                assertEquals(1, m.frameDepth(), "a failed push changes nothing");
                m.pushFrame(48);                       // exactly fills the stack
                assertEquals(200, m.stack().topWord());
                m.popFrame();
                m.popFrame();
            }
        }
    }

    @Test
    void popWithoutAFrameIsAnErrorInEveryMode() {
        for (boolean debug : new boolean[]{false, true}) {
            try (GcRuntimeImpl rt = runtime(debug, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
                IllegalStateException e = assertThrows(IllegalStateException.class, m::popFrame);
                assertTrue(e.getMessage().contains("no frame"), e.getMessage());
            }
        }
    }

    @Test
    void debugModeChecksSlotIndicesAndKindsAgainstTheInnermostFrame() {
        try (GcRuntimeImpl rt = runtime(true, 200); AttachedMutator m = (AttachedMutator) rt.attach("m")) {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> m.setRaw(0, 1));
            assertTrue(none.getMessage().contains("no frame pushed"), none.getMessage());
            m.pushFrame(5);
            m.pushFrame(rt.frames().define("pair", 2, 0));
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> m.slot(2));
            assertEquals("mutator 'm': slot of slot 2, outside frame 1 ('pair') of 2 slots", outside.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.clear(-1));
            IllegalArgumentException raw = assertThrows(IllegalArgumentException.class, () -> m.setRef(1, 0));
            assertTrue(raw.getMessage().contains("which is a raw slot"), raw.getMessage());
            IllegalArgumentException ref = assertThrows(IllegalArgumentException.class, () -> m.setRaw(0, 7));
            assertTrue(ref.getMessage().contains("which is a reference slot"), ref.getMessage());
            FrameShape foreign = new FrameShape(999, "foreign", 1, new long[]{1}, true);
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> m.pushFrame(foreign));
            assertTrue(unknown.getMessage().contains("not defined in this runtime's frame shape table"), unknown.getMessage());
            m.popFrame();
            m.popFrame();
        }
    }

    /** Random pushes of random shapes, pops and stores against a model: the view's reference slots are the model's. */
    @Test
    void theViewMatchesAModelUnderRandomPushesPopsAndStores() {
        try (GcRuntimeImpl rt = runtime(false, 400)) {
            List<FrameShape> shapes = new ArrayList<>();
            Random layouts = new Random(1);
            for (int i = 0; i < 12; i++) {
                int slots = layouts.nextInt(80);
                List<Integer> refs = new ArrayList<>();
                for (int s = 0; s < slots; s++) {
                    if (layouts.nextBoolean()) {
                        refs.add(s);
                    }
                }
                shapes.add(rt.frames().define("random/" + i, slots, refs.stream().mapToInt(Integer::intValue).toArray()));
            }
            qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
                Random random = new Random(seed);
                try (AttachedMutator m = (AttachedMutator) rt.attach("model")) {
                    Deque<FrameShape> frames = new ArrayDeque<>();
                    for (int op = 0; op < 200; op++) {
                        int pick = random.nextInt(10);
                        FrameShape shape = shapes.get(random.nextInt(shapes.size()));
                        if (pick < 3 && m.stack().topWord() + 1 + shape.slots() <= 400) {
                            m.pushFrame(shape);
                            frames.push(shape);
                        } else if (pick < 5 && !frames.isEmpty()) {
                            m.popFrame();
                            frames.pop();
                        } else if (!frames.isEmpty() && frames.peek().slots() > 0) {
                            int slot = random.nextInt(frames.peek().slots());
                            m.clear(slot);
                        }
                        assertViewIs(m.stack(), frames, seed);
                    }
                    while (!frames.isEmpty()) {
                        m.popFrame();
                        frames.pop();
                    }
                }
            });
        }
    }

    private static void assertViewIs(MutatorStackView stack, Deque<FrameShape> frames, long seed) {
        List<Boolean> expected = new ArrayList<>();
        for (Iterator<FrameShape> it = frames.descendingIterator(); it.hasNext(); ) {
            FrameShape frame = it.next();
            expected.add(false);                                   // the header
            for (int s = 0; s < frame.slots(); s++) {
                expected.add(frame.isReference(s));
            }
        }
        assertEquals(expected.size(), stack.topWord(), "seed " + seed);
        for (int w = 0; w < expected.size(); w++) {
            assertEquals(expected.get(w), stack.isReferenceSlot(w), "seed " + seed + " word " + w);
        }
        assertFalse(stack.topWord() > 0 && stack.innermostFrameHeader() < 0, "seed " + seed);
    }
}
