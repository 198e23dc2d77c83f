package dev.parallax.gc.runtime.mutator;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.TestRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class CollectStepTest {
    private static List<CollectionRecord> recordsOf(GcRuntimeImpl runtime) {
        List<CollectionRecord> records = new CopyOnWriteArrayList<>();
        runtime.addListener(new GcListener() {
            @Override
            public void collectionEnded(CollectionRecord record) {
                records.add(record);
            }
        });
        return records;
    }

    @Test
    void aStepOfAStopTheWorldCollectorIsAFullCollection() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withDebug(true));
             Mutator m = runtime.attach("main")) {
            List<CollectionRecord> records = recordsOf(runtime);
            m.pushFrame(1);
            m.setRef(0, m.boxLong(42));
            for (int i = 0; i < 1000; i++) {
                m.allocateRawArray(10);                             // garbage
            }
            long usedBefore = runtime.usage().usedBytes();
            m.collectStep();
            assertEquals(1, records.size());
            CollectionRecord r = records.getFirst();
            assertEquals("step", r.reason());
            assertTrue(r.phaseNanos().containsKey(GcPhase.SWEEP), r.toString());
            assertTrue(r.usedBytesAfter() < usedBefore / 10, r + " vs " + usedBefore);
            assertEquals(42, m.unboxLong(m.ref(0)));
            assertEquals(runtime.collector().counters(), runtime.stats().collectorCounters());
        }
    }

    @Test
    void stepsOfTheIncrementalCollectorAdvanceItsCycleOneIncrementAtATime() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small().withCollector("incremental")
                .withDebug(true).withOptions(Map.of("incremental.budget", "100", "incremental.trigger", "0.99")));
             Mutator m = runtime.attach("main")) {
            Shape cons = runtime.shapes().define("Cons", 2, 1);    // field 0 raw, field 1 next
            List<CollectionRecord> records = recordsOf(runtime);
            m.pushFrame(1);
            for (int i = 0; i < 1000; i++) {                        // a list of 1000: ten marking increments
                long cell = m.allocate(cons);
                m.writeRaw(cell, 0, i);
                m.writeRef(cell, 1, m.ref(0));
                m.setRef(0, cell);
            }
            m.collectStep();
            assertEquals(1L, runtime.stats().collectorCounters().get("increments"));
            assertEquals(runtime.collector().counters(), runtime.stats().collectorCounters());
            assertTrue(runtime.objects().isMarked(m.boxLong(1)), "allocated black while the cycle marks");
            assertTrue(records.getFirst().phaseNanos().containsKey(GcPhase.MARK_ROOTS), records.toString());
            assertFalse(records.getFirst().phaseNanos().containsKey(GcPhase.TRACE_LIVE), records.toString());
            for (int i = 0; i < 5; i++) {
                m.collectStep();
            }
            assertEquals(6L, runtime.stats().collectorCounters().get("increments"));
            assertTrue(records.stream().allMatch(r -> r.reason().equals("step") && r.liveObjects() == -1),
                    records.toString());
            assertTrue(records.stream().skip(1).allMatch(r -> r.phaseNanos().containsKey(GcPhase.TRACE_LIVE)
                    && !r.phaseNanos().containsKey(GcPhase.SWEEP)), "still marking: " + records);
            long sum = 0;
            for (long c = m.ref(0); c != 0; c = m.readRef(c, 1)) {
                sum += m.readRaw(c, 0);
            }
            assertEquals(999 * 1000 / 2, sum);
            m.collect();                                            // finishes the cycle: allocation is white again
            assertFalse(runtime.objects().isMarked(m.boxLong(2)));
            assertEquals(0, runtime.debugViolations());
        }
    }

    @Test
    void aStepIsRefusedInsideRunBlocked() {
        try (GcRuntimeImpl runtime = TestRuntimes.create(TestRuntimes.small()); Mutator m = runtime.attach("main")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.runBlocked(m::collectStep));
            assertTrue(e.getMessage().contains("collectStep while BLOCKED"), e.getMessage());
            assertEquals(0, runtime.stats().collections());
        }
    }
}
