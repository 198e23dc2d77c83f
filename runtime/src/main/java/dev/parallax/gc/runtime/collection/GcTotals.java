package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.api.collector.HeapUsage;

import java.util.Map;

/** The runtime's collection and out-of-memory totals; thread-safe (its monitor). */
public final class GcTotals {
    private long collections;
    private long totalPauseNanos;
    private long maxPauseNanos;
    private long totalTimeToSafepointNanos;
    private long maxTimeToSafepointNanos;
    private HeapUsage heapAfterLastGc;
    private long outOfMemoryErrors;

    synchronized void recordCollection(long timeToSafepointNanos, long pauseNanos, HeapUsage after) {
        collections++;
        totalPauseNanos += pauseNanos;
        maxPauseNanos = Math.max(maxPauseNanos, pauseNanos);
        totalTimeToSafepointNanos += timeToSafepointNanos;
        maxTimeToSafepointNanos = Math.max(maxTimeToSafepointNanos, timeToSafepointNanos);
        heapAfterLastGc = after;
    }

    public synchronized void recordOutOfMemory() {
        outOfMemoryErrors++;
    }

    /** The totals with the given allocation counts (which the mutators keep) and the collector's counters. */
    public synchronized GcStats snapshot(long bytesAllocated, long objectsAllocated, Map<String, Long> collectorCounters) {
        return new GcStats(collections, totalPauseNanos, maxPauseNanos, totalTimeToSafepointNanos,
                maxTimeToSafepointNanos, bytesAllocated, objectsAllocated, heapAfterLastGc, outOfMemoryErrors,
                Map.copyOf(collectorCounters));
    }
}
