package dev.parallax.gc.harness.minheap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search alone, over workloads that need a known heap: where it ends, what it tries, how it stops. */
class HeapSearchTest {
    private static final long K = 1024;
    private static final long M = 1024 * K;

    /** A workload that runs in {@code need} bytes or more and records the heaps it was tried with. */
    private static final class Needs implements Trial {
        final long need;
        final List<Long> tried = new ArrayList<>();

        Needs(long need) {
            this.need = need;
        }

        @Override
        public Outcome run(long heapBytes) {
            tried.add(heapBytes);
            return heapBytes >= need ? Outcome.ran(heapBytes, 3, 0.01)
                    : Outcome.exhausted(heapBytes, 1, 0.01, "out of memory");
        }
    }

    @Test
    void findsTheSmallestHeapThatRunsToWithinTheGranularity() {
        for (long need : new long[] {20 * M + 1, 20 * M + 256 * K, 21 * M - 1, 63 * M, 300 * K}) {
            Needs workload = new Needs(need);
            MinHeap found = new HeapSearch(256 * K, 64 * M, 1024 * M).search(workload, line -> { });
            long expected = (need + 256 * K - 1) / (256 * K) * (256 * K);
            assertEquals(expected, found.minBytes(), "need " + need);
            assertEquals(expected - 256 * K, found.largestFailedBytes(), "need " + need);
            assertEquals(workload.tried.size(), found.trials());
            assertEquals(3, found.collectionsAtMin());
            assertNull(found.error());
            assertTrue(workload.tried.stream().allMatch(h -> h % (256 * K) == 0), workload.tried.toString());
            assertTrue(found.trials() <= 10, found.trials() + " trials: " + workload.tried);
        }
    }

    @Test
    void doublesFromTheStartUntilTheWorkloadRunsThenBisects() {
        Needs workload = new Needs(100 * M);
        MinHeap found = new HeapSearch(M, 16 * M, 1024 * M).search(workload, line -> { });
        assertEquals(List.of(16 * M, 32 * M, 64 * M, 128 * M), workload.tried.subList(0, 4));
        assertEquals(100 * M, found.minBytes());
        assertEquals(99 * M, found.largestFailedBytes());
    }

    @Test
    void aWorkloadThatDoesNotRunInTheLargestHeapHasNoMinimum() {
        Needs workload = new Needs(5 * M);
        MinHeap found = new HeapSearch(64 * K, M, 4 * M).search(workload, line -> { });
        assertFalse(found.found());
        assertEquals(4 * M, found.largestFailedBytes());
        assertEquals(List.of(M, 2 * M, 4 * M), workload.tried);
        assertNull(found.error());
    }

    @Test
    void aWorkloadThatRunsInTheSmallestHeapHasNoFailureBelowIt() {
        Needs workload = new Needs(1);
        MinHeap found = new HeapSearch(4 * K, M, 4 * M).search(workload, line -> { });
        assertEquals(HeapSearch.SMALLEST_HEAP, found.minBytes(), "the smallest heap a runtime accepts");
        assertEquals(-1, found.largestFailedBytes());
        assertTrue(workload.tried.stream().allMatch(h -> h >= HeapSearch.SMALLEST_HEAP), workload.tried.toString());
    }

    @Test
    void aFailureOtherThanRunningOutOfMemoryStopsTheSearchAsAnErrorNotAMinimum() {
        List<Long> tried = new ArrayList<>();
        Trial brokenBelow8m = heap -> {
            tried.add(heap);
            if (heap < 8 * M) {
                throw new IllegalStateException("a collector bug at " + heap);
            }
            return Trial.Outcome.ran(heap, 1, 0.01);
        };
        List<String> progress = new ArrayList<>();
        MinHeap found = new HeapSearch(256 * K, 16 * M, 64 * M).search(brokenBelow8m, progress::add);
        assertFalse(found.found(), "a heap where the workload failed is not 'too small'");
        assertEquals(-1, found.minBytes());
        assertEquals(-1, found.largestFailedBytes(), "nothing ran out of memory");
        assertEquals(List.of(16 * M, 8 * M, 4 * M), tried, "it stops at the first error");
        assertEquals(4 * M, found.error().heapBytes());
        assertInstanceOf(IllegalStateException.class, found.error().cause());
        assertTrue(found.error().describe().startsWith("trial at "), found.error().describe());
        assertTrue(progress.getLast().contains("failed: java.lang.IllegalStateException: a collector bug"),
                progress.toString());
    }

    @Test
    void anErrorInTheFirstTrialIsReportedToo() {
        MinHeap found = new HeapSearch(4 * K, M, 4 * M).search(heap -> {
            throw new AssertionError("broken");
        }, line -> { });
        assertEquals(1, found.trials());
        assertInstanceOf(AssertionError.class, found.error().cause());
        assertEquals(M, found.error().heapBytes());
    }

    @Test
    void refusesAGranularityThatIsNotWholePagesOrAMaximumBelowTheFloor() {
        assertThrows(IllegalArgumentException.class, () -> new HeapSearch(5000, M, 4 * M));
        assertThrows(IllegalArgumentException.class, () -> new HeapSearch(0, M, 4 * M));
        assertThrows(IllegalArgumentException.class, () -> new HeapSearch(4 * K, M, 32 * K));
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertEquals("20.25 MiB", MinHeap.size(20 * M + 256 * K));
        assertEquals("20 MiB", MinHeap.size(20 * M));
        assertEquals("20.5 MiB", MinHeap.size(20 * M + 512 * K));
        assertEquals("336 KiB", MinHeap.size(336 * K));
        assertEquals("-", MinHeap.size(-1));
    }
}
