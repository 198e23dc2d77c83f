package dev.parallax.gc.collectors.incremental;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.collectors.CollectorContractTest;
import dev.parallax.gc.collectors.TestHeap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalCollectorTest extends CollectorContractTest {
    @Override
    protected Collector newCollector() {
        return new IncrementalCollector(new IncrementalOptions(1, 4096, 0.5, 1024, true));
    }

    /**
     * The classic lost object: A is black, B grey, C white and reachable only through B. The mutator
     * stores C into A and clears B's field. With the SATB barrier the deleted reference is logged and
     * C survives; without it C is swept while A still refers to it.
     */
    private boolean lostObjectScenarioKeepsC(boolean barrier) {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 1 << 20, 0.5, 1024, barrier));
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            long a = h.allocate(ObjectKind.REF_ARRAY, 0, 1);
            long b = h.allocate(ObjectKind.REF_ARRAY, 0, 1);
            long c = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            h.objects.setField(c, 0, 99);
            long cId = h.objects.objectId(c);
            h.writeRef(a, 0, b);
            h.writeRef(b, 0, c);
            h.setRoot(0, a);
            h.increment(); // cycle starts: A grey
            h.increment(); // budget 1: A scanned (black), B grey
            h.writeRef(a, 0, c); // white object into a black one
            h.writeRef(b, 0, 0); // its grey path cleared
            while (gc.cycleInProgress()) {
                h.increment(); // finish marking and sweeping
            }
            boolean kept = h.walk().keySet().stream().anyMatch(x -> h.objects.objectId(x) == cId);
            if (kept) {
                assertEquals(99, h.objects.field(h.tags.untag(h.objects.field(a, 0)), 0));
            }
            return kept;
        }
    }

    @Test
    void satbBarrierKeepsTheObjectWhoseGreyPathWasCleared() {
        assertTrue(lostObjectScenarioKeepsC(true));
    }

    @Test
    void withoutTheBarrierTheObjectIsLost() {
        assertFalse(lostObjectScenarioKeepsC(false));
    }

    @Test
    void markingProceedsInBoundedIncrements() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(10, 1 << 20, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 256 << 10, 1)) {
            long head = 0;
            for (int i = 0; i < 1000; i++) { // a list of 1000 objects, built so that only the head is rooted
                h.setRoot(0, head);
                long node = h.allocate(ObjectKind.REF_ARRAY, 0, 1);
                h.writeRef(node, 0, h.root(0));
                head = node;
            }
            h.setRoot(0, head);
            int steps = 0;
            while (gc.liveObjects() < 0 && steps < 10_000) { // liveObjects is known once marking ends
                h.increment();
                steps++;
            }
            // 1000 grey objects at 10 per increment take about 100 marking increments
            assertTrue(steps >= 100, "marking finished in " + steps + " increments");
            assertEquals(1000, gc.liveObjects());
        }
    }

    @Test
    void newObjectsAreBlackWhileMarking() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 1 << 20, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            h.increment(); // start a cycle
            long fresh = h.allocate(ObjectKind.BOXED_LONG, 0, 1);
            assertTrue(h.objects.isMarked(fresh));
        }
    }

    /**
     * Regression (issue 8, defect 7): when marking ends inside an increment, the sweep that follows is
     * bounded by the sweep budget in bytes, not by the marking budget in objects. With a one-object
     * marking budget and a sweep budget larger than the heap, the increment that finishes marking
     * sweeps the whole heap and ends the cycle.
     */
    @Test
    void theIncrementThatFinishesMarkingSweepsItsSweepBudgetInBytes() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 1 << 20, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 256 << 10, 1)) {
            for (int i = 0; i < 20; i++) {
                h.allocate(ObjectKind.REF_ARRAY, 0, 10); // 1920 dead bytes below the root
            }
            h.setRoot(0, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
            h.increment(); // the cycle starts: the root is grey
            h.increment(); // scans the root (budget 1): marking ends and sweeping begins
            assertFalse(gc.cycleInProgress(), "a 1 MiB sweep budget sweeps a 256 KiB heap in one increment");
            assertEquals(h.objects.objectBytes(1), h.collector.usage().usedBytes());
        }
    }

    @Test
    void itIsIncrementalNonMovingAndNamesItsBarrier() {
        IncrementalCollector on = new IncrementalCollector(new IncrementalOptions(1, 1024, 0.5, 1024, true));
        IncrementalCollector off = new IncrementalCollector(new IncrementalOptions(1, 1024, 0.5, 1024, false));
        assertEquals("incremental", on.name());
        assertTrue(on.isIncremental());
        assertFalse(on.constraints().movesObjects());
        assertTrue(on.constraints().needsWriteBarrier());
        assertEquals("satb", on.constraints().barrierKind());
        assertEquals("off (unsafe)", off.constraints().barrierKind());
    }

    /** Idle: due once the trigger's share of the heap is handed out; marking: every step bytes handed out. */
    @Test
    void anIncrementIsDueAtTheTriggerThenEveryStepBytes() {
        IncrementalOptions options = new IncrementalOptions(1, 1 << 20, 0.25, 1024, true);
        IncrementalCollector short8 = new IncrementalCollector(options);
        try (TestHeap h = new TestHeap(short8, 64 << 10, 1)) {
            assertFalse(short8.incrementDue(), "an empty heap");
            assertTrue(h.refill((16 << 10) - 8));
            assertFalse(short8.incrementDue(), "8 bytes short of a quarter of the heap");
        }
        IncrementalCollector gc = new IncrementalCollector(options);
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            assertTrue(h.refill(16 << 10));
            assertTrue(gc.incrementDue(), "a quarter of the heap handed out: a cycle is due");
            h.increment();                                   // the cycle starts
            assertTrue(gc.cycleInProgress());
            assertFalse(gc.incrementDue(), "nothing handed out since the increment");
            assertTrue(h.refill(1000));
            assertFalse(gc.incrementDue(), "1000 of 1024 step bytes");
            assertTrue(h.refill(24));
            assertTrue(gc.incrementDue(), "a step's worth of buffers since the last increment");
            h.increment();                                   // marking ends (empty roots), sweeping begins
            h.increment();
            h.increment();                                   // ... and ends: idle, 17 KiB in use, below the trigger
            assertFalse(gc.cycleInProgress());
            h.increment();                                   // a new cycle, on request
            assertTrue(gc.cycleInProgress());
            assertFalse(gc.incrementDue());
            assertTrue(gc.allocateLarge(2048) != 0);
            assertTrue(gc.incrementDue(), "a large object counts towards the step too");
        }
    }

    /**
     * A heap of 100 dead 256-byte arrays, each followed by a live box that a rooted array holds: the
     * sweep closes a run at every box.
     */
    private static void deadAndLiveInTurn(TestHeap h) {
        long holder = h.allocate(ObjectKind.REF_ARRAY, 0, 100);
        h.setRoot(0, holder);
        for (int i = 0; i < 100; i++) {
            h.allocate(ObjectKind.RAW_ARRAY, 0, 30);
            h.writeRef(holder, i, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
        }
    }

    /** Increments until one that announces SWEEP: marking has just ended. */
    private static void incrementUntilSweeping(TestHeap h) {
        h.phases.clear();
        for (int n = 0; n < 1000 && !h.phases.contains(GcPhase.SWEEP); n++) {
            h.increment();
        }
    }

    /** While sweeping, an increment is also due when the swept free lists run low. */
    @Test
    void whileSweepingAnIncrementIsDueWhenTheSweptFreeSpaceRunsLow() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 16, 0.5, 4096, true));
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            deadAndLiveInTurn(h);
            incrementUntilSweeping(h);                       // sweeps until 4096 bytes are free
            assertTrue(gc.cycleInProgress());
            assertTrue(gc.usage().freeBytes() >= 4096 && gc.usage().freeBytes() < 4096 + 512, gc.usage().toString());
            assertFalse(gc.incrementDue());
            while (gc.usage().freeBytes() >= 4096) {
                assertTrue(h.refill(200));
                assertFalse(gc.incrementDue() && gc.usage().freeBytes() >= 4096, "not due while a step is free");
            }
            assertTrue(gc.incrementDue(), "less than a step is free: sweep on before allocating");
            int increments = 0;
            while (gc.cycleInProgress() && increments < 1000) {
                h.increment();
                increments++;
            }
            assertFalse(gc.cycleInProgress());
            assertTrue(increments > 2, "a 16-byte sweep budget sweeps in many increments: " + increments);
        }
    }

    /** A full collection that finishes a cycle for an allocation failure is a fallback; one on request is not. */
    @Test
    void aFullCollectionThatFinishesACycleForAnAllocationFailureCountsAsAFallback() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 1 << 20, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            h.setRoot(0, h.allocate(ObjectKind.REF_ARRAY, 0, 1));
            h.increment();
            h.collect("requested");
            assertEquals(0, gc.fallbacks());
            h.increment();
            h.collect("allocation failure");
            h.collect("allocation failure");                 // no cycle in progress: no fallback
            assertEquals(1, gc.fallbacks());
            assertEquals(Map.of("incremental-cycles", 2L, "full-cycles", 3L, "increments", 2L, "stw-fallbacks", 1L),
                    gc.counters());
        }
    }

    /** Each kind of increment announces its phases: a cycle's start, a marking step, a sweeping step. */
    @Test
    void incrementsAnnounceTheirPhases() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 16, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            deadAndLiveInTurn(h);
            h.increment();
            assertEquals(List.of(GcPhase.PREPARE, GcPhase.MARK_ROOTS), h.phases);
            h.phases.clear();
            h.increment();                                   // scans the holder: its boxes are grey
            assertEquals(List.of(GcPhase.TRACE_LIVE), h.phases);
            incrementUntilSweeping(h);
            assertEquals(List.of(GcPhase.TRACE_LIVE, GcPhase.SWEEP), h.phases.subList(h.phases.size() - 2,
                    h.phases.size()), "the increment that ends marking starts sweeping");
            h.phases.clear();
            h.increment();
            assertEquals(List.of(GcPhase.SWEEP), h.phases);
        }
    }

    /**
     * usage() during an increment or a full collection is the account as it began: the increment that
     * ends marking clears the free lists before it rebuilds them.
     */
    @Test
    void usageDuringAnIncrementOrACollectionIsTheAccountAsItBegan() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 1 << 20, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 64 << 10, 1)) {
            for (int i = 0; i < 10; i++) {
                h.allocate(ObjectKind.RAW_ARRAY, 0, 30);     // garbage: the sweep changes the account
            }
            h.setRoot(0, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
            h.increment();
            h.refill(16);                                    // retires the buffer, as the runtime does
            List<HeapUsage> seen = new ArrayList<>();
            h.onPhase = phase -> {
                if (phase == GcPhase.SWEEP) {
                    seen.add(gc.usage());
                }
            };
            HeapUsage before = gc.usage();
            h.increment();                                   // marking ends, the lists are rebuilt
            assertEquals(List.of(before), seen);
            seen.clear();
            h.allocate(ObjectKind.RAW_ARRAY, 0, 30);
            h.refill(16);
            before = gc.usage();
            h.collect();
            assertEquals(List.of(before), seen);
        }
    }

    /** More deleted references than the barrier's first log holds while marking: every one is shaded. */
    @Test
    void theBarrierLogGrowsAndEveryLoggedObjectSurvivesTheCycle() {
        IncrementalCollector gc = new IncrementalCollector(new IncrementalOptions(1, 1 << 20, 0.5, 1024, true));
        try (TestHeap h = new TestHeap(gc, 256 << 10, 1)) {
            long array = h.allocate(ObjectKind.REF_ARRAY, 0, 1500);
            for (int i = 0; i < 1500; i++) {
                h.writeRef(array, i, h.allocate(ObjectKind.BOXED_LONG, 0, 1));
            }
            h.setRoot(0, array);
            h.increment();                                   // the array is grey, its boxes white
            for (int i = 0; i < 1500; i++) {
                h.writeRef(array, i, 0);                     // 1500 deletions, each logged
            }
            h.increment();                                   // the log shades all 1500
            while (gc.cycleInProgress()) {
                h.increment();
            }
            assertEquals(1501, gc.liveObjects(), "the snapshot's objects all survive this cycle (floating garbage)");
        }
    }
}
