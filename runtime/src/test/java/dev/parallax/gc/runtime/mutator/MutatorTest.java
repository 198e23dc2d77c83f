package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mutator's API in debug mode, where every call is validated; {@link ReleaseModeTest} covers release mode. */
class MutatorTest {
    private GcRuntimeImpl runtime;
    private Mutator m;
    private Shape node;

    @BeforeEach
    void start() {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        node = runtime.shapes().define("Node", 3, 0, 2);   // fields 0 and 2 are references, 1 is raw
        m = runtime.attach("main");
        m.pushFrame(8);
    }

    @AfterEach
    void stop() {
        m.close();
        runtime.close();
    }

    @Test
    void allocatesEveryKindWithAZeroedBodyAndAHeader() {
        long obj = m.allocate(node);
        assertEquals(ObjectKind.SHAPED, m.kind(obj));
        assertEquals(node, m.shape(obj));
        assertEquals(3, m.length(obj));
        m.setRef(0, obj);
        long refs = m.allocateRefArray(40);
        m.setRef(1, refs);
        long raws = m.allocateRawArray(5);
        m.setRef(2, raws);
        long closure = m.allocateClosure(77, 2);
        m.setRef(3, closure);
        assertEquals(ObjectKind.REF_ARRAY, m.kind(refs));
        assertEquals(40, m.length(refs));
        assertEquals(ObjectKind.RAW_ARRAY, m.kind(raws));
        assertEquals(77, m.codeId(closure));
        for (int i = 0; i < 40; i++) {
            assertEquals(0, m.readRef(refs, i));
        }
        assertEquals(-5, m.unboxLong(m.boxLong(-5)));
        assertEquals(2.5, m.unboxDouble(m.boxDouble(2.5)));
        assertEquals(6, runtime.stats().objectsAllocated(), runtime.stats().toString());
        assertTrue(runtime.stats().bytesAllocated() >= runtime.objects().objectBytes(40));
    }

    @Test
    void bodiesAreZeroedEvenWhenTheMemoryWasUsedBefore() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2000; i++) {
                long raw = m.allocateRawArray(30);
                for (int f = 0; f < 30; f++) {
                    assertEquals(0, m.readRaw(raw, f));
                    m.writeRaw(raw, f, -1);
                }
            }
            m.collect();                          // all garbage: the memory is reused, dirty
        }
    }

    @Test
    void objectIdsAreUniqueAcrossMutatorsAndCollections() throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            assertTrue(ids.add(m.objectId(m.boxLong(i))));
            if (i % 1000 == 0) {
                m.collect();
            }
        }
        AtomicReference<Set<Long>> other = new AtomicReference<>(new HashSet<>());
        Thread t = new Thread(() -> {
            try (Mutator m2 = runtime.attach("other")) {
                for (int i = 0; i < 3000; i++) {
                    other.get().add(m2.objectId(m2.boxLong(i)));
                }
            }
        });
        t.start();
        t.join();
        assertEquals(3000, other.get().size());
        other.get().forEach(id -> assertFalse(ids.contains(id), "id " + id + " handed out twice"));
    }

    @Test
    void fieldsKeepReferencesValuesAndRawWords() {
        long a = m.allocate(node);
        m.setRef(0, a);
        long b = m.allocate(node);
        a = m.ref(0);
        m.writeRef(a, 0, b);
        m.writeRaw(a, 1, 0xCAFE);
        m.writeValue(a, 2, runtime.tags().tagSmallInt(-9));
        assertEquals(b, m.readRef(a, 0));
        assertEquals(0xCAFE, m.readRaw(a, 1));
        assertEquals(-9, runtime.tags().untagSmallInt(m.readValue(a, 2)));
        m.writeRef(a, 0, 0);
        assertEquals(0, m.readRef(a, 0));
    }

    @Test
    void slotsKeepReferencesValuesAndRawWords() {
        m.pushFrame(runtime.frames().define("ref, value, raw", 3, 0, 1));
        long a = m.allocate(node);
        m.setRef(0, a);
        m.setValue(1, runtime.tags().tagSmallInt(12));
        m.setRaw(2, 0xFFFF_FFFFL);
        assertEquals(a, m.ref(0));
        assertEquals(12, runtime.tags().untagSmallInt(m.slot(1)));
        assertEquals(0xFFFF_FFFFL, m.slot(2));
        m.clear(0);
        assertEquals(0, m.ref(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.ref(1));
        assertTrue(e.getMessage().contains("slot 1 of frame 1 ('ref, value, raw')") && e.getMessage().contains("SMALL_INT"),
                e.getMessage());
        m.popFrame();
        assertEquals(1, m.frameDepth());
    }

    @Test
    void fieldMisuseIsRefusedNamingTheObject() {
        long a = m.allocate(node);
        m.setRef(0, a);
        String id = "#" + m.objectId(a);
        assertMessage(IllegalArgumentException.class, () -> m.writeRaw(m.ref(0), 0, 1), id, "use readValue/writeValue");
        assertMessage(IllegalArgumentException.class, () -> m.writeRef(m.ref(0), 1, m.ref(0)), id, "raw field");
        assertMessage(IllegalArgumentException.class, () -> m.readRef(m.ref(0), 3), id, "field 3 is outside");
        assertMessage(IllegalArgumentException.class, () -> m.readRaw(m.ref(0), -1), id);
        assertMessage(IllegalArgumentException.class, () -> m.unboxLong(m.ref(0)), "BOXED_LONG", id);
        assertMessage(IllegalArgumentException.class, () -> m.codeId(m.ref(0)), "CLOSURE");
        long raws = m.allocateRawArray(2);
        assertMessage(IllegalArgumentException.class, () -> m.shape(raws), "SHAPED");
        assertMessage(IllegalArgumentException.class, () -> m.writeValue(raws, 0, 0), "raw field");
        m.writeRaw(m.ref(0), 1, 0x30);                  // looks like a pointer, but it is raw: fine
        assertEquals(0x30, m.readRaw(m.ref(0), 1));
    }

    @Test
    void aNonPointerInAReferenceFieldIsNotReadAsAnAddress() {
        long a = m.allocate(node);
        m.writeValue(a, 0, runtime.tags().tagSmallInt(3));
        assertMessage(IllegalStateException.class, () -> m.readRef(a, 0), "#" + m.objectId(a), "SMALL_INT");
    }

    @Test
    void addressesThatAreNotObjectsAreRefused() {
        long a = m.allocate(node);
        assertMessage(IllegalArgumentException.class, () -> m.length(a + 4), "not 8-byte aligned");
        assertMessage(IllegalArgumentException.class, () -> m.length(0), "outside the heap");
        assertMessage(IllegalArgumentException.class, () -> m.readRaw(12345678L * 8, 0), "outside the heap");
        assertMessage(IllegalArgumentException.class, () -> m.writeRef(a, 0, a + 4), "cannot store a pointer");
        assertMessage(IllegalArgumentException.class, () -> m.setRef(0, 8), "outside the heap");
    }

    @Test
    void debugModeValidatesEveryAddressFully() {
        m.close();
        runtime.close();
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        node = runtime.shapes().define("Node", 3, 0, 2);
        m = runtime.attach("main");
        m.pushFrame(2);
        long a = m.allocate(node);
        m.setRef(0, a);
        long id = m.objectId(a);
        // the id word read as a header: kind code of a small id is not a valid object header of this size
        assertMessage(IllegalArgumentException.class, () -> m.writeRef(m.ref(0), 0, m.ref(0) + 8), "cannot store a pointer",
                "#" + id);
        long free = m.ref(0) + runtime.objects().objectBytes(3) + 64 * 8; // unused part of the allocation buffer
        assertMessage(IllegalArgumentException.class, () -> m.setRef(1, free),
                "cannot store a pointer in slot 1 of frame 0 ('refs/2')");
    }

    @Test
    void unknownShapesAndBadSizesAreRefused() {
        Shape foreign = Shape.of(5, "Foreign", 2);
        assertMessage(IllegalArgumentException.class, () -> m.allocate(foreign), "not defined");
        assertThrows(IllegalArgumentException.class, () -> m.allocateRefArray(-1));
        assertThrows(IllegalArgumentException.class, () -> m.allocateClosure(-3, 1));
    }

    @Test
    void pinAndUnpinSetThePinnedBit() {
        long a = m.allocate(node);
        m.pin(a);
        assertTrue(runtime.objects().isPinned(a));
        m.unpin(a);
        assertFalse(runtime.objects().isPinned(a));
    }

    @Test
    void anotherThreadCannotUseTheMutator() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                m.allocateRawArray(1);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "intruder");
        t.start();
        t.join();
        assertInstanceOf(IllegalStateException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("'intruder'"), thrown.get().getMessage());
    }

    @Test
    void aThreadAttachesOnceAndAClosedMutatorRefusesEverything() {
        assertMessage(IllegalStateException.class, () -> runtime.attach("again"), "already attached");
        Mutator closed = m;
        closed.close();
        closed.close();                                   // idempotent
        assertMessage(IllegalStateException.class, () -> closed.allocateRawArray(1), "closed");
        assertMessage(IllegalStateException.class, () -> closed.pushFrame(1), "closed");
        m = runtime.attach("main-2");                     // the thread may attach again
        assertNotEquals(closed, m);
    }

    static void assertMessage(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call,
                              String... parts) {
        Throwable e = assertThrows(type, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
