package dev.parallax.gc.runtime.verify;

import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import dev.parallax.gc.runtime.mutator.AttachedMutator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debug-mode verifier catches corruption planted behind the mutator's back, naming where it is. */
class HeapVerifierTest {
    private GcRuntimeImpl runtime;
    private ObjectModel objects;
    private Mutator m;
    private Shape node;

    @BeforeEach
    void start() {
        runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
        objects = runtime.objects();
        node = runtime.shapes().define("Node", 2, 0);          // field 0 reference, field 1 raw
        m = runtime.attach("main");
        m.pushFrame(runtime.frames().define("two refs and a raw word", 3, 0, 1));
    }

    @AfterEach
    void stop() {
        m.close();
        runtime.close();
    }

    private String corruption() {
        return assertThrows(HeapCorruptionException.class, m::collect).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' lacks '" + part + "'");
        }
    }

    /** An address of freed memory: an unrooted object after a collection (valid until the next allocation). */
    private long freedAddress() {
        long garbage = m.allocate(node);
        m.setRaw(2, garbage);                                    // a raw word: not a root
        m.collect();
        return m.slot(2);
    }

    @Test
    void aFieldHoldingAnInteriorPointerIsNamedWithItsParentAndTarget() {
        long a = m.allocate(node);
        m.setRef(0, a);
        long b = m.allocate(node);
        m.setRef(1, b);
        long aId = m.objectId(m.ref(0));
        objects.setField(m.ref(0), 0, runtime.tags().tagPointer(m.ref(1) + 8));
        assertContains(corruption(), "heap verification before collection #1", "field 0 of object #" + aId + " SHAPED Node",
                "points to", "8 bytes inside object #" + m.objectId(m.ref(1)));
        objects.setField(m.ref(0), 0, 0);
        m.collect();                                             // repaired: the runtime carries on
    }

    @Test
    void aGlobalPointingAtFreedMemoryIsNamed() {
        GlobalRoot g = runtime.globals().register("cache");
        long freed = freedAddress();
        ((GlobalRootsView) runtime.globals()).cells().set(ValueLayout.JAVA_LONG, 0, runtime.tags().tagPointer(freed));
        assertContains(corruption(), "global 'cache' (cell 0) points to", "FREE memory");
        g.set(0);
    }

    @Test
    void aStackSlotPointingAtFreedMemoryIsNamedByMutatorFrameAndSlot() {
        m.setRef(1, m.boxLong(5));                               // a reference slot...
        long freed = freedAddress();
        ((AttachedMutator) m).stack().words().set(ValueLayout.JAVA_LONG, 2 * 8, runtime.tags().tagPointer(freed));
        assertContains(corruption(), "mutator 'main' frame 0 ('two refs and a raw word') slot 1 points to", "FREE memory");
        m.clear(1);
    }

    @Test
    void aCorruptHeaderStopsTheWalkNamingTheCellBefore() {
        long a = m.allocate(node);
        m.setRef(0, a);
        long b = m.allocate(node);                               // unreachable, right after a
        objects.setStatus(b, 0xDL);
        assertContains(corruption(), "heap walk: the cell at 0x" + Long.toHexString(b), "no valid kind",
                "after object #" + m.objectId(m.ref(0)));
        objects.initialize(b, ObjectKind.RAW_ARRAY, 0, 2, 999);
        m.collect();
    }

    @Test
    void aMarkBitLeftAfterAFullCollectionIsReported() {
        long a = m.allocate(node);
        m.setRef(0, a);
        runtime.addListener(new GcListener() {
            @Override
            public void phaseStarted(long collection, GcPhase phase) {
                if (phase == GcPhase.RELEASE) {           // after the sweep cleared the marks; mark-sweep does not move a
                    objects.setBits(a, HeaderLayout.MARK_BIT);
                }
            }
        });
        assertContains(corruption(), "heap verification after collection #1", "object #" + m.objectId(m.ref(0)),
                "GC bits 0x10 left set");
    }

    @Test
    void aCleanHeapVerifiesAndCountsTheReachableObjects() {
        long list = 0;
        for (int i = 0; i < 100; i++) {
            long cell = m.allocate(node);
            m.writeRef(cell, 0, m.ref(0));
            m.setRef(0, cell);
            list = cell;
        }
        assertEquals(list, m.ref(0));
        long[] live = {-1};
        runtime.addListener(new GcListener() {
            @Override
            public void collectionEnded(CollectionRecord record) {
                live[0] = record.liveObjects();
            }
        });
        m.collect();
        assertEquals(100, live[0]);
    }
}
