package dev.parallax.gc.harness.bench;

/**
 * What a heap's collector did during the timed bodies of a benchmark run. A figure the heap cannot
 * measure is {@code NaN} (a negative byte count for the heap).
 *
 * @param collectionsPerBody        collections, averaged over the timed bodies
 * @param pauseMsPerBody            total pause (for the JVM: GC time as its MXBeans report it), averaged
 * @param maxPauseMs                the longest single pause
 * @param p50PauseMs                median pause
 * @param p99PauseMs                99th-percentile pause
 * @param heapAfterGcBytes          heap in use right after the latest collection, with the long-lived data alive
 * @param maxTimeToSafepointMicros  the longest wait from a stop request until every mutator stopped
 */
public record GcFigures(double collectionsPerBody, double pauseMsPerBody, double maxPauseMs, double p50PauseMs,
                        double p99PauseMs, long heapAfterGcBytes, double maxTimeToSafepointMicros) {
}
