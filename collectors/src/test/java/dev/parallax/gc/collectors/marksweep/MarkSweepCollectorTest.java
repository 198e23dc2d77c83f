package dev.parallax.gc.collectors.marksweep;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.collectors.CollectorContractTest;
import dev.parallax.gc.collectors.TestHeap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void itIsCalledMarkSweepAndReadsItsMarkPlacementFromTheConfig() {
        assertEquals("mark-sweep", new MarkSweepCollector().name());
        assertEquals(MarkSweepCollector.Marks.BITMAP, new MarkSweepCollector(GcConfig.defaults()).marks());
        assertEquals(MarkSweepCollector.Marks.HEADER, new MarkSweepCollector(GcConfig.defaults()
                .withOptions(Map.of(MarkSweepCollector.MARKS_OPTION, "header"))).marks());
        GcConfigException e = assertThrows(GcConfigException.class, () -> new MarkSweepCollector(GcConfig.defaults()
                .withOptions(Map.of(MarkSweepCollector.MARKS_OPTION, "side"))));
        assertTrue(e.getMessage().contains("'side' is not a mark placement"), e.getMessage());
    }

    @Test
    void aZeroingPolicyItDoesNotKnowIsRefusedNamingTheChoices() {
        GcConfigException e = assertThrows(GcConfigException.class, () -> new MarkSweepCollector(GcConfig.defaults()
                .withOptions(Map.of(MarkSweepCollector.ZEROING_OPTION, "lazy"))));
        assertTrue(e.getMessage().contains("mark-sweep.zeroing: 'lazy' is not a zeroing policy; use concurrent or mutator"),
                e.getMessage());
    }

    /** Bitmap marks leave the headers alone while marking; header marks set the header's bit. */
    @Test
    void theMarksGoWhereThePlacementSays() {
        for (MarkSweepCollector.Marks placement : MarkSweepCollector.Marks.values()) {
            try (TestHeap h = new TestHeap(new MarkSweepCollector(placement), 64 << 10, 1)) {
                long live = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
                h.setRoot(0, live);
                List<Boolean> headerMarked = new java.util.ArrayList<>();
                h.onPhase = phase -> {
                    if (phase == GcPhase.SWEEP) {
                        headerMarked.add(h.objects.isMarked(live));
                    }
                };
                h.collect();
                assertEquals(List.of(placement == MarkSweepCollector.Marks.HEADER), headerMarked, placement.name());
                assertFalse(h.objects.isMarked(live), "no mark is left after the sweep");
            }
        }
    }

    /** usage() during the pause is the account as it began, not the half-rebuilt lists. */
    @Test
    void usageDuringThePauseIsTheAccountAsItBegan() {
        try (TestHeap h = new TestHeap(newCollector(), 64 << 10, 1)) {
            h.allocate(ObjectKind.RAW_ARRAY, 0, 100);       // garbage: the sweep changes the account
            h.setRoot(0, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
            h.refill(16);
            HeapUsage before = h.collector.usage();
            List<HeapUsage> seen = new java.util.ArrayList<>();
            h.onPhase = phase -> {
                if (phase == GcPhase.RELEASE) {
                    seen.add(h.collector.usage());
                }
            };
            h.collect();
            assertEquals(List.of(before), seen);
            assertEquals(h.objects.objectBytes(1), h.collector.usage().usedBytes());
        }
    }
}
