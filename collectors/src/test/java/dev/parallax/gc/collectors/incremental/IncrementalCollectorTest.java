package dev.parallax.gc.collectors.incremental;

import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.collectors.CollectorContractTest;
import dev.parallax.gc.collectors.TestHeap;
import org.junit.jupiter.api.Test;

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
}
