package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Release mode trusts the mutator, as compiled code is trusted, but stays memory-safe: what it still
 * refuses, and that a wild address fails with an exception rather than touching foreign memory.
 */
class ReleaseModeTest {
    private static GcRuntimeImpl release() {
        return TestRuntimes.create(TestRuntimes.small());
    }

    @Test
    void runtimesAreSpecialisedAndKeepNoObjectIds() {
        try (GcRuntimeImpl rt = release(); Mutator m = rt.attach("m")) {
            assertTrue(rt.specialisedMutators(), "each runtime defines its own mutator class");
            assertFalse(rt.objects().hasObjectIds());
            assertEquals(8, rt.objects().headerBytes(), "a one-word header");
            m.pushFrame(1);
            long node = m.allocate(rt.shapes().define("Node", 4, 0, 1));
            assertEquals(40, rt.objects().cellBytes(node), "a GCBench node: 8 + 2 x 8 + 2 x 8 bytes");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.objectId(node));
            assertTrue(e.getMessage().contains("object-ids"), e.getMessage());
            m.popFrame();
        }
    }

    @Test
    void addressesOutsideTheRuntimesMemoryThrowInsteadOfTouchingIt() {
        try (GcRuntimeImpl rt = release(); Mutator m = rt.attach("m")) {
            long outside = rt.objects().base() - (1L << 30);
            assertThrows(IndexOutOfBoundsException.class, () -> m.readRaw(outside, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> m.writeRef(outside, 0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> m.unboxLong(rt.objects().limit() + (1L << 30)));
        }
    }

    @Test
    void anAccessAfterTheRuntimeIsClosedThrows() {
        GcRuntimeImpl rt = release();
        Mutator m = rt.attach("m");
        m.pushFrame(1);
        m.setRef(0, m.allocate(rt.shapes().define("Box", 1)));
        long box = m.ref(0);
        m.popFrame();
        m.close();
        rt.close();
        assertThrows(IllegalStateException.class, () -> m.readRaw(box, 0), "the memory is gone, the JVM is not");
    }

    @Test
    void stackOverflowUnderflowNegativeLengthsAndExhaustionAreStillRefused() {
        try (GcRuntimeImpl rt = release(); Mutator m = rt.attach("m")) {
            assertThrows(IllegalStateException.class, m::popFrame);
            assertThrows(IllegalStateException.class, () -> m.pushFrame(5000));
            assertThrows(IllegalArgumentException.class, () -> m.allocateRefArray(-1));
            assertThrows(IllegalArgumentException.class, () -> m.allocateClosure(-3, 1));
            m.pushFrame(1);
            m.setRef(0, m.allocateRefArray(100_000));
            assertThrows(HeapExhaustedException.class, () -> m.allocateRawArray(600_000));
            m.popFrame();
        }
    }

    @Test
    void fieldsAndSlotsWorkWithoutValidation() {
        try (GcRuntimeImpl rt = release(); Mutator m = rt.attach("m")) {
            Shape pair = rt.shapes().define("Pair", 2, 0);
            m.pushFrame(rt.frames().define("two", 2, 0));
            m.setRef(0, m.allocate(pair));
            long child = m.allocate(pair);
            m.writeRef(m.ref(0), 0, child);
            m.writeRaw(m.ref(0), 1, 99);
            m.setRaw(1, 1234);
            m.collect();
            assertEquals(99, m.readRaw(m.ref(0), 1));
            assertEquals(1234, m.slot(1));
            long kept = m.readRef(m.ref(0), 0);
            assertEquals(Shape.class, m.shape(kept).getClass());
            m.popFrame();
        }
    }
}
