package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.api.reference.ReferenceQueue;
import dev.parallax.gc.api.reference.References;
import dev.parallax.gc.api.reference.SoftPolicy;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each reference kind, finalization and ephemerons under every collector, in debug mode (verifier and live-set check on). */
class ReferencesTest {
    private static GcRuntime runtime(String collector) {
        GcConfig config = TestRuntimes.small().withCollector(collector).withDebug(true)
                .withRoots(List.of("precise", "globals"))
                .withOptions(collector.equals("immix") ? Map.of("immix.defrag", "always") : Map.of());
        return GcRuntimes.create(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental", "semispace", "immix", "generational"})
    void weakReferencesClearExactlyWhenTheReferentIsOnlyWeaklyReachable(String collector) {
        try (GcRuntime rt = runtime(collector); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            Shape node = rt.shapes().define("Node", 2, 0);
            ReferenceQueue queue = refs.newQueue("q");
            m.pushFrame(6);
            m.setRef(0, m.allocate(node));                 // strongly held referent
            m.setRef(1, refs.newReference(m, ReferenceKind.WEAK, 0, queue));
            m.setRef(2, m.allocate(node));                 // referent that dies
            m.setRef(3, refs.newReference(m, ReferenceKind.WEAK, 2, queue));
            m.writeRaw(m.ref(0), 1, 4242);
            m.clear(2);
            m.collect();
            assertEquals(m.ref(0), refs.get(m, m.ref(1)), "a strongly reachable referent is kept, at its new address");
            assertEquals(4242, m.readRaw(refs.get(m, m.ref(1)), 1));
            assertEquals(0, refs.get(m, m.ref(3)), "an unreachable referent is cleared");
            assertTrue(refs.isEnqueued(m, m.ref(3)));
            assertFalse(refs.isEnqueued(m, m.ref(1)));
            assertEquals(m.ref(3), queue.poll(m), "the cleared reference is enqueued");
            assertEquals(0, queue.poll(m));
            m.clear(0);
            m.collect();
            assertEquals(0, refs.get(m, m.ref(1)));
            assertEquals(m.ref(1), queue.poll(m));
            m.clear(1);
            m.clear(3);
            m.collect();
            assertEquals(0, refs.tracked(), "dead reference objects leave the tables");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental", "semispace", "immix", "generational"})
    void finalizersRunOnceOnTheFinalizerThreadAndResurrectionKeepsTheGraph(String collector) throws Exception {
        try (GcRuntime rt = runtime(collector); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            Shape node = rt.shapes().define("Node", 2, 0);
            GlobalRoot saved = rt.globals().register("saved");
            ReferenceQueue queue = refs.newQueue("phantoms");
            AtomicInteger runs = new AtomicInteger();
            m.pushFrame(4);
            m.setRef(0, m.allocate(node));
            m.setRef(1, m.allocate(node));
            m.writeRef(m.ref(0), 0, m.ref(1));             // the finalizable object reaches a child
            m.writeRaw(m.ref(1), 1, 77);
            refs.registerFinalizer(m, 0, (fm, slot) -> {
                assertEquals("parallax-finalizer", Thread.currentThread().getName());
                runs.incrementAndGet();
                saved.setRef(fm.ref(slot));                    // resurrection
            });
            m.setRef(2, refs.newReference(m, ReferenceKind.PHANTOM, 0, queue));
            m.setRef(3, refs.newReference(m, ReferenceKind.WEAK, 0, null));
            m.clear(0);
            m.clear(1);
            m.collect();
            assertTrue(refs.awaitFinalizers(m, 10_000));
            assertEquals(1, runs.get());
            assertEquals(0, refs.get(m, m.ref(3)), "weak references are cleared before finalization");
            assertEquals(0, queue.size(), "a resurrected referent keeps its phantom reference pending");
            long back = saved.ref();
            assertNotEquals(0, back);
            assertEquals(77, m.readRaw(m.readRef(back, 0), 1), "what the resurrected object reaches survived");
            m.collect();
            assertEquals(0, queue.size());
            saved.setRef(0);
            m.collect();
            assertTrue(refs.awaitFinalizers(m, 10_000));
            assertEquals(1, runs.get(), "a finalizer runs at most once");
            assertEquals(m.ref(2), queue.remove(m, 10_000), "the phantom reference is enqueued once the object is dead");
            assertEquals(0, refs.get(m, m.ref(2)), "a phantom reference never returns its referent");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental", "semispace", "immix", "generational"})
    void softReferencesSurviveUntilPressureAndEphemeronsIterateToAFixpoint(String collector) {
        try (GcRuntime rt = runtime(collector); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            refs.softPolicy(SoftPolicy.untilPressure());
            Shape node = rt.shapes().define("Node", 2, 0);
            m.pushFrame(8);
            m.setRef(0, m.allocate(node));
            m.setRef(1, refs.newReference(m, ReferenceKind.SOFT, 0, null));
            m.clear(0);
            m.collect();
            assertNotEquals(0, refs.get(m, m.ref(1)), "no pressure: the soft referent is kept");
            refs.memoryPressure(true);
            m.collect();
            assertEquals(0, refs.get(m, m.ref(1)), "under pressure it is cleared");
            refs.memoryPressure(false);
            // k1 -> e1(k1, v1=k2), e2(k2, v2): v2 lives while k1 does, through the chain
            m.setRef(2, m.allocate(node));   // k1
            m.setRef(3, m.allocate(node));   // k2
            m.setRef(4, m.allocate(node));   // v2
            m.writeRaw(m.ref(4), 1, 9);
            m.setRef(5, refs.newEphemeron(m, 3, 4));   // e2 first: its key becomes live only through e1
            m.setRef(6, refs.newEphemeron(m, 2, 3));
            m.clear(3);
            m.clear(4);
            m.collect();
            long k2 = refs.ephemeronKey(m, m.ref(5));
            assertNotEquals(0, k2, "k2 is kept as the value of e1, whose key lives");
            assertEquals(k2, rt.tags().untag(refs.ephemeronValue(m, m.ref(6))), "e1's value is k2, at its new address");
            long v2 = refs.ephemeronValue(m, m.ref(5));
            assertTrue(rt.tags().isPointer(v2), "e2's value is kept while its key is");
            assertEquals(9, m.readRaw(rt.tags().untag(v2), 1));
            m.clear(2);
            m.collect();
            assertEquals(0, refs.ephemeronKey(m, m.ref(5)));
            assertEquals(0, refs.ephemeronValue(m, m.ref(5)));
            assertEquals(0, refs.ephemeronKey(m, m.ref(6)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generational", "incremental"})
    void referencesSurviveStressCollections(String collector) {
        GcConfig config = TestRuntimes.small().withCollector(collector).withDebug(true)
                .withStress(dev.parallax.gc.api.StressMode.ALLOCATION, 3);
        try (GcRuntime rt = GcRuntimes.create(config); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            Shape node = rt.shapes().define("Node", 2, 0);
            m.pushFrame(4);
            m.setRef(0, m.allocate(node));
            m.setRef(1, refs.newReference(m, ReferenceKind.WEAK, 0, null));
            for (int i = 0; i < 300; i++) {
                m.setRef(2, m.allocate(node));            // minor collections / increments
                m.writeRef(m.ref(2), 0, m.ref(0));
                assertEquals(m.ref(0), refs.get(m, m.ref(1)));
            }
            m.clear(0);
            m.clear(2);
            m.collect();
            assertEquals(0, refs.get(m, m.ref(1)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "incremental", "semispace", "immix", "generational"})
    void aWeakMapForgetsEntriesWhoseKeysDied(String collector) {
        try (GcRuntime rt = runtime(collector); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            Shape node = rt.shapes().define("Node", 2, 0);
            m.pushFrame(4 + 12);
            m.setRef(0, WeakMap.create(m, 2));
            for (int i = 0; i < 12; i++) {
                m.setRef(4 + i, m.allocate(node));           // key i, kept in slot 4 + i
                m.setRef(1, m.allocate(node));               // its value refers back to the key
                m.writeRef(m.ref(1), 0, m.ref(4 + i));
                m.writeRaw(m.ref(1), 1, 100 + i);
                WeakMap.put(m, refs, 0, 4 + i, 1);
            }
            m.clear(1);
            for (int i = 0; i < 12; i += 2) {
                m.clear(4 + i);                              // even keys die
            }
            m.collect();
            assertEquals(6, WeakMap.size(m, refs, m.ref(0)), "a value that refers to its key does not keep it");
            for (int i = 1; i < 12; i += 2) {
                long value = rt.tags().untag(WeakMap.get(m, refs, m.ref(0), m.ref(4 + i)));
                assertEquals(100 + i, m.readRaw(value, 1), "a live key keeps its value, at its new address");
                assertEquals(m.ref(4 + i), m.readRef(value, 0));
            }
            m.setRef(2, m.allocate(node));
            WeakMap.put(m, refs, 0, 5, 2);                   // replaces key 1's value
            assertEquals(6, WeakMap.size(m, refs, m.ref(0)));
            assertEquals(m.ref(2), rt.tags().untag(WeakMap.get(m, refs, m.ref(0), m.ref(5))));
            assertTrue(WeakMap.remove(m, refs, m.ref(0), m.ref(5)));
            assertFalse(WeakMap.containsKey(m, refs, m.ref(0), m.ref(5)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact"})   // generational: its "(full)" retry, since before
    void softReferentsAreClearedBeforeTheHeapIsReportedExhausted(String collector) {
        try (GcRuntime rt = runtime(collector); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            m.pushFrame(3);
            m.setRef(0, m.allocateRawArray(192 * 1024));      // 1.5 MiB, only softly reachable below
            m.setRef(1, refs.newReference(m, ReferenceKind.SOFT, 0, null));
            m.clear(0);
            m.collect();
            assertNotEquals(0, refs.get(m, m.ref(1)), "no pressure: the soft cache is kept");
            m.setRef(2, m.allocateRawArray(352 * 1024));      // 2.75 MiB of 4: fits only once the cache is gone
            assertEquals(0, refs.get(m, m.ref(1)), "the last collection before exhaustion cleared it");
        }
    }

    @org.junit.jupiter.api.Test
    void memoryPressureIsTheFlagTheLastResortCollectionOrAnAllocationFailureInAFullHeap() {
        assertTrue(ReferenceProcessor.underPressure(true, "requested", 0.9));
        assertFalse(ReferenceProcessor.underPressure(false, "requested", 0.01));
        assertTrue(ReferenceProcessor.underPressure(false, "allocation failure (full)", 0.9));
        assertTrue(ReferenceProcessor.underPressure(false, "allocation failure", 0.05));
        assertFalse(ReferenceProcessor.underPressure(false, "allocation failure", 0.5), "a minor collection's failure");
        SoftPolicy lru = SoftPolicy.lru(10);
        assertTrue(lru.keep(4, 0.5, false));
        assertFalse(lru.keep(5, 0.5, false), "older than maxAge * free");
        assertFalse(lru.keep(0, 1.0, true), "pressure clears them all");
    }

    @org.junit.jupiter.api.Test
    void misuseIsRefusedWithAClearMessage() {
        try (GcRuntime rt = runtime("mark-sweep"); Mutator m = rt.attach("main")) {
            References refs = rt.references();
            m.pushFrame(2);
            m.setRef(0, m.allocateRefArray(1));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> refs.get(m, m.ref(0))).getMessage()
                    .contains("not a reference object"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> refs.newEphemeron(m, 1, 0)).getMessage()
                    .contains("key must be an object"));
            refs.registerFinalizer(m, 0, (fm, s) -> { });
            assertThrows(IllegalArgumentException.class, () -> refs.registerFinalizer(m, 0, (fm, s) -> { }));
        }
    }
}
