package dev.parallax.gc.api;

import dev.parallax.gc.api.collector.HeapUsage;

/**
 * Totals since the runtime started. A snapshot: later collections do not change it.
 *
 * @param collections              completed collections
 * @param totalPauseNanos          sum of pauses (stop request to release)
 * @param maxPauseNanos            longest pause
 * @param totalTimeToSafepointNanos sum over collections of stop request to all-stopped
 * @param maxTimeToSafepointNanos  longest time-to-safepoint
 * @param bytesAllocated           bytes of objects allocated
 * @param objectsAllocated         objects allocated
 * @param heapAfterLastGc          the heap's account right after the latest collection (null before any)
 * @param outOfMemoryErrors        allocations refused with {@link HeapExhaustedException}
 * @param collectorCounters        the collector's own counters ({@code Collector.counters()}) at the snapshot
 */
public record GcStats(long collections, long totalPauseNanos, long maxPauseNanos, long totalTimeToSafepointNanos,
                      long maxTimeToSafepointNanos, long bytesAllocated, long objectsAllocated,
                      HeapUsage heapAfterLastGc, long outOfMemoryErrors,
                      java.util.Map<String, Long> collectorCounters) {
}
