package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.minheap.MinHeap;
import dev.parallax.gc.harness.minheap.MinHeapTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A search that bench cannot size its rows from stops bench, saying why. */
class HeapMultipleOptionTest {
    private static final GcConfig CONFIG = GcConfig.defaults();

    @Test
    void aFoundMinimumSizesTheRows() {
        HeapMultipleOption.Found found = HeapMultipleOption.found(new MinHeapTable.Row(CONFIG,
                new MinHeap(336 << 10, 320 << 10, 16 << 10, 9, 58, 1.0, null)));
        assertEquals(336 << 10, found.minBytes());
        assertEquals(16 << 10, found.granularity());
    }

    @Test
    void aSearchThatFoundNoMinimumUpToItsLargestHeapIsAFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HeapMultipleOption.found(
                new MinHeapTable.Row(CONFIG, new MinHeap(-1, 1 << 30, 256 << 10, 5, -1, 1.0, null))));
        assertEquals("cannot size the rows of mark-sweep / precise+globals / low-bit / allocation: its minimum-heap "
                + "search found none up to 1024 MiB", e.getMessage());
    }

    @Test
    void aSearchThatStoppedAtAnErrorIsAFailureCarryingIt() {
        RuntimeException bug = new IllegalStateException("a collector bug");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HeapMultipleOption.found(
                new MinHeapTable.Row(CONFIG, new MinHeap(-1, -1, 256 << 10, 1, -1, 1.0,
                        new MinHeap.Failure(64 << 20, bug)))));
        assertEquals("cannot size the rows of mark-sweep / precise+globals / low-bit / allocation: its minimum-heap "
                + "search failed, trial at 64 MiB: java.lang.IllegalStateException: a collector bug", e.getMessage());
        assertSame(bug, e.getCause());
    }
}
