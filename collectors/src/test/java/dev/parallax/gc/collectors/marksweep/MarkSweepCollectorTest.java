package dev.parallax.gc.collectors.marksweep;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.collectors.CollectorContractTest;
import dev.parallax.gc.collectors.TestHeap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkSweepCollectorTest extends CollectorContractTest {
    @Override
    protected Collector newCollector() {
        return new MarkSweepCollector();
    }

    @Test
    void objectsNeverMove() {
        try (TestHeap h = new TestHeap(newCollector(), 1 << 20, 8)) {
            Graph g = buildRandomGraph(h, new Random(7), 300, 8);
            Map<Long, Long> before = new java.util.HashMap<>();
            for (long a : h.walk().keySet()) {
                before.put(h.objects.objectId(a), a);
            }
            h.collect();
            Map<Long, Long> after = checkAgainstModel(h, g);
            after.forEach((id, address) -> assertEquals(before.get(id), address, "object #" + id + " moved"));
        }
    }

    @Test
    void phasesAreAnnouncedInAlgorithmOrder() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            h.collect();
            assertEquals(List.of(GcPhase.PREPARE, GcPhase.MARK_ROOTS, GcPhase.TRACE_LIVE, GcPhase.SWEEP, GcPhase.RELEASE),
                    h.phases);
        }
    }
}
