package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.GlobalRoot;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.TestRuntimes;
import dev.parallax.gc.runtime.TestStrategies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinningTest {
    @Test
    void aPinnedObjectStaysPutUnderACompactingCollectorWhileItsNeighboursMove() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("mark-compact").withDebug(true));
             Mutator m = runtime.attach("main")) {
            m.pushFrame(3);
            m.allocateRawArray(100);                            // garbage below: compaction slides over it
            m.setRef(0, m.boxLong(1));
            m.setRef(1, m.boxLong(2));
            m.pin(m.ref(1));
            long pinned = m.ref(1);
            long unpinned = m.ref(0);
            m.collect();
            assertEquals(pinned, m.ref(1), "pinned: same address");
            assertNotEquals(unpinned, m.ref(0), "not pinned: slid down");
            assertEquals(1, m.unboxLong(m.ref(0)));
            assertEquals(2, m.unboxLong(m.ref(1)));
            assertTrue(runtime.objects().isPinned(m.ref(1)));
            m.unpin(m.ref(1));
        }
    }

    @Test
    void pinningIsRefusedWhenTheCollectorCannotPin() {
        try (GcRuntimeImpl runtime = GcRuntimes.create(TestRuntimes.small().withCollector("test-unpinnable-mover"),
                TestStrategies.catalog()); Mutator m = runtime.attach("main")) {
            long box = m.boxLong(3);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.pin(box));
            assertTrue(e.getMessage().contains("does not support pinning") && e.getMessage().contains("BOXED_LONG at 0x"),
                    e.getMessage());
        }
    }

    /**
     * Regression (issue 8, defect 4): pins are counted. Two holders pin one object and one of them
     * unpins: the object still holds a pin and must not move.
     */
    @Test
    void twoHoldersPinAnObjectAndOneUnpinsItStillStaysPut() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("mark-compact"));
             Mutator m = runtime.attach("main")) {
            m.pushFrame(1);
            m.allocateRawArray(100);                            // garbage below: compaction would slide over it
            m.setRef(0, m.boxLong(7));
            long address = m.ref(0);
            m.pin(address);                                     // holder one
            m.pin(address);                                     // holder two
            m.unpin(address);                                   // holder two is done
            m.collect();
            assertEquals(address, m.ref(0), "one pin is left: the object must not move");
            assertEquals(1, runtime.pins().count(address));
            m.unpin(address);
            assertEquals(0, runtime.pins().count(address));
            m.collect();
            assertNotEquals(address, m.ref(0), "unpinned as often as pinned: it moves again");
            assertEquals(7, m.unboxLong(m.ref(0)));
        }
    }

    /**
     * Regression (issue 8, defect 4): mutators of four threads pin and unpin one shared object
     * thousands of times while the main thread holds a pin of its own: no update is lost, so the
     * object is still pinned at the end, exactly once, and stays put.
     */
    @Test
    void concurrentPinsAndUnpinsOfOneObjectLoseNoUpdate() throws Exception {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("mark-compact"))) {
            GlobalRoot shared = runtime.globals().register("shared");
            long address;
            try (Mutator m = runtime.attach("main")) {
                m.allocateRawArray(100);
                shared.setRef(m.boxLong(5));
                address = shared.ref();
                m.pin(address);
            }
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    try (Mutator m = runtime.attach(Thread.currentThread().getName())) {
                        long object = shared.ref();                 // pinned: it cannot move meanwhile
                        for (int i = 0; i < 5_000; i++) {
                            m.pin(object);
                            m.unpin(object);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "pinner-" + t);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), failures);
            assertEquals(1, runtime.pins().count(address), "the main thread's pin");
            assertTrue(runtime.objects().isPinned(address));
            try (Mutator m = runtime.attach("main")) {
                m.collect();
                assertEquals(address, shared.ref(), "still pinned: it stays put");
                m.unpin(address);
                assertFalse(runtime.objects().isPinned(address));
            }
        }
    }

    @Test
    void unpinningAnObjectThatHoldsNoPinIsRefusedNamingIt() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("mark-compact"));
             Mutator m = runtime.attach("main")) {
            long box = m.boxLong(3);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.unpin(box));
            assertTrue(e.getMessage().contains("BOXED_LONG at 0x") && e.getMessage().contains("holds no pin"),
                    e.getMessage());
        }
    }

    @Test
    void thePinsOfAnObjectThatDiesAreForgotten() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("mark-compact"));
             Mutator m = runtime.attach("main")) {
            m.pushFrame(1);
            m.setRef(0, m.boxLong(3));
            m.pin(m.ref(0));
            m.pin(m.ref(0));
            assertEquals(1, runtime.pins().pinnedObjects());
            m.clear(0);                                         // a pin does not keep it alive
            m.collect();
            assertEquals(0, runtime.pins().pinnedObjects(), "its pins died with it");
        }
    }
}
