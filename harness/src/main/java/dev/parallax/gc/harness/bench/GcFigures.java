package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.report.Percentiles;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a heap's collector did during the timed bodies of a benchmark run. A figure the heap cannot
 * measure is {@code NaN} (a negative byte count for the heap, no counters).
 *
 * @param collectionsPerBody        collections, averaged over the timed bodies
 * @param pauseMsPerBody            total pause (for the JVM: GC time as its MXBeans report it), averaged
 * @param maxPauseMs                the longest single pause
 * @param p50PauseMs                median pause
 * @param p99PauseMs                99th-percentile pause
 * @param heapAfterGcBytes          heap in use right after the latest collection, with the long-lived data alive
 * @param maxTimeToSafepointMicros  the longest wait from a stop request until every mutator stopped
 * @param fragmentationAfterGc      {@code HeapUsage.fragmentation()} right after the latest collection (0..1)
 * @param pinnedPerGc               objects pinned per pause (conservative roots), mean over the timed pauses
 * @param counters                  the collector's own counters, totals over the timed bodies, by name
 * @param pauses                    every timed pause, in milliseconds ({@link Percentiles#EMPTY} for the JVM)
 * @param maxPauseMsByKind          the longest pause of each kind the collector named ("full", "young",
 *                                  "increment"), so that a generational minor pause stands apart from a full one
 */
public record GcFigures(double collectionsPerBody, double pauseMsPerBody, double maxPauseMs, double p50PauseMs,
                        double p99PauseMs, long heapAfterGcBytes, double maxTimeToSafepointMicros,
                        double fragmentationAfterGc, double pinnedPerGc, Map<String, Long> counters,
                        Percentiles pauses, Map<String, Double> maxPauseMsByKind) implements java.io.Serializable {

    public GcFigures {
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters)); // by name: a stable order
        maxPauseMsByKind = Collections.unmodifiableSortedMap(new TreeMap<>(maxPauseMsByKind));
    }

    /** Figures for a heap that reports only pause totals and the heap after GC (the JVM). */
    public static GcFigures totalsOnly(double collectionsPerBody, double pauseMsPerBody, long heapAfterGcBytes) {
        return new GcFigures(collectionsPerBody, pauseMsPerBody, Double.NaN, Double.NaN, Double.NaN,
                heapAfterGcBytes, Double.NaN, Double.NaN, Double.NaN, Map.of(), Percentiles.EMPTY, Map.of());
    }
}
