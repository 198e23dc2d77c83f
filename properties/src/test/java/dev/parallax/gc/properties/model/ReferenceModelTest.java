package dev.parallax.gc.properties.model;

import dev.parallax.gc.api.object.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle itself: reachability, sizes and the word discipline. */
class ReferenceModelTest {

    private static Value ref(ModelObject o) {
        return new Value.Ref(o);
    }

    @Test
    void anEmptyModelReachesNothing() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(4, 1);
        assertTrue(m.reachable().isEmpty());
        assertEquals(0, m.reachableBytes(2));
    }

    @Test
    void objectBytesAreHeaderPlusBody() {
        ReferenceModel m = new ReferenceModel();
        assertEquals((2 + 2) * 8, m.newShaped(FixedShape.PAIR).bytes(2));
        assertEquals((2 + 4) * 8, m.newShaped(FixedShape.NODE).bytes(2));
        assertEquals((1 + 4) * 8, m.newShaped(FixedShape.NODE).bytes(1), "one header word without object ids");
        assertEquals((2 + 3) * 8, m.newShaped(FixedShape.LEAF).bytes(2));
        assertEquals(2 * 8, m.newRefArray(0).bytes(2));
        assertEquals((2 + 5) * 8, m.newRawArray(5).bytes(2));
        assertEquals(3 * 8, m.newBoxedLong(7).bytes(2));
        assertEquals(3 * 8, m.newBoxedDouble(1.5).bytes(2));
        assertEquals((2 + 3) * 8, m.newClosure(4, 3).bytes(2));
    }

    @Test
    void reachabilityFollowsFieldsTransitivelyAndCountsSharedObjectsOnce() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(2, 0);
        ModelObject a = m.newShaped(FixedShape.PAIR);
        ModelObject b = m.newRefArray(2);
        ModelObject shared = m.newBoxedLong(1);
        ModelObject garbage = m.newShaped(FixedShape.LEAF);
        m.setSlot(0, ref(a));
        a.setWord(0, ref(b));
        a.setWord(1, ref(shared));
        b.setWord(1, ref(shared));
        garbage.setWord(0, new Value.Raw(99));

        assertEquals(List.of(a, b, shared), List.copyOf(m.reachable()));
        assertEquals(a.bytes(2) + b.bytes(2) + shared.bytes(2), m.reachableBytes(2));
    }

    @Test
    void cyclesTerminateAndSelfReferencesCountOnce() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(1, 0);
        ModelObject a = m.newShaped(FixedShape.PAIR);
        ModelObject b = m.newClosure(1, 1);
        a.setWord(0, ref(b));
        a.setWord(1, ref(a));
        b.setWord(0, ref(a));
        m.setSlot(0, ref(b));
        assertEquals(List.of(b, a), List.copyOf(m.reachable()));
        assertEquals(a.bytes(2) + b.bytes(2), m.reachableBytes(2));
    }

    @Test
    void outerFramesAndGlobalsAreRootsButRawWordsAndImmediatesAreNot() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(1, 0);
        ModelObject outer = m.newRawArray(3);
        m.setSlot(0, ref(outer));
        m.pushFrame(3, 1);
        ModelObject viaGlobal = m.newBoxedDouble(2.0);
        m.registerGlobal(ref(viaGlobal));
        m.setSlot(2, new Value.Raw(12345));
        m.setSlot(0, new Value.SmallInt(7));
        m.setSlot(1, Value.NULL);
        assertEquals(List.of(outer, viaGlobal), List.copyOf(m.reachable()));

        m.popFrame();
        m.clearSlot(0);
        assertEquals(List.of(viaGlobal), List.copyOf(m.reachable()));
        m.unregisterGlobal(0);
        assertTrue(m.reachable().isEmpty());
    }

    @Test
    void poppingAFrameDropsItsRootsAndRevealsTheOuterFrame() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(2, 1);
        m.pushFrame(1, 0);
        ModelObject inner = m.newShaped(FixedShape.NODE);
        m.setSlot(0, ref(inner));
        assertEquals(1, m.frameSize());
        assertEquals(inner.bytes(2), m.reachableBytes(2));
        m.popFrame();
        assertEquals(2, m.frameSize());
        assertEquals(0, m.reachableBytes(2));
        assertEquals(List.of(Value.NULL, Value.CLEARED), m.frame(0), "a reference slot and a raw slot, cleared");
    }

    @Test
    void unregisteringAGlobalShiftsTheLaterOnesDown() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(1, 0);
        ModelObject x = m.newBoxedLong(1);
        ModelObject y = m.newBoxedLong(2);
        m.registerGlobal(ref(x));
        m.registerGlobal(ref(y));
        m.unregisterGlobal(0);
        assertEquals(1, m.globalCount());
        assertEquals(ref(y), m.global(0));
        assertThrows(IllegalArgumentException.class, () -> m.registerGlobal(new Value.Raw(1)));
    }

    @Test
    void slotsKeepTheKindTheirFrameGaveThem() {
        ReferenceModel m = new ReferenceModel();
        m.pushFrame(3, 1);
        assertEquals(2, m.referenceSlotCount());
        assertEquals(1, m.rawSlotCount());
        assertThrows(IllegalArgumentException.class, () -> m.setSlot(0, new Value.Raw(1)));
        assertThrows(IllegalArgumentException.class, () -> m.setSlot(2, Value.NULL));
        assertThrows(IllegalArgumentException.class, () -> m.pushFrame(2, 2), "a frame keeps a reference slot");
    }

    @Test
    void wordsKeepTheirReferenceDiscipline() {
        ReferenceModel m = new ReferenceModel();
        ModelObject node = m.newShaped(FixedShape.NODE);
        assertTrue(node.isReferenceWord(0));
        assertFalse(node.isReferenceWord(1));
        assertEquals(Value.NULL, node.word(0));
        assertEquals(Value.CLEARED, node.word(1));
        assertEquals(2, node.referenceWordCount());
        assertEquals(2, node.referenceWord(1));
        assertEquals(3, node.rawWord(1));
        assertThrows(IllegalArgumentException.class, () -> node.setWord(1, Value.NULL));
        assertThrows(IllegalArgumentException.class, () -> node.setWord(0, new Value.Raw(5)));

        ModelObject box = m.newBoxedDouble(0.25);
        assertEquals(ObjectKind.BOXED_DOUBLE, box.kind());
        assertEquals(new Value.Raw(Double.doubleToRawLongBits(0.25)), box.word(0));
        assertFalse(box.hasWritableRawWords());
        assertTrue(m.newRawArray(1).hasWritableRawWords());
        assertFalse(m.newShaped(FixedShape.LEAF).hasReferenceWords());
    }

    @Test
    void pinsAreCountedAsTheRuntimeCountsThem() {
        ReferenceModel m = new ReferenceModel();
        ModelObject box = m.newBoxedLong(1);
        m.pin(box);
        m.pin(box);
        m.unpin(box);
        assertTrue(m.isPinned(box), "one pin left");
        assertEquals(List.of(box), List.copyOf(m.pinned()));
        m.unpin(box);
        assertFalse(m.isPinned(box));
        assertTrue(m.pinned().isEmpty());
    }
}
