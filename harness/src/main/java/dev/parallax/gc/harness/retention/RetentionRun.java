package dev.parallax.gc.harness.retention;

import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcPhase;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the repeated runs of one cell measured.
 *
 * @param liveObjects   objects the final full collection found reachable (-1 when the collector does not count)
 * @param liveBytes     heap in use right after the final full collection
 * @param collections   collections per run, the final ones included
 * @param pinnedPerGc   objects pinned per collection (CollectionRecord.pinnedObjects), mean over every run
 * @param medianPauseMs median pause over every run's collections
 * @param medianRootScanMicros median time of the collections' {@link GcPhase#MARK_ROOTS} phase (NaN if none announced it)
 */
public record RetentionRun(long liveObjects, long liveBytes, double collections, double pinnedPerGc,
                           double medianPauseMs, double medianRootScanMicros) {

    /**
     * The summary of runs of the same workload, each given by its collections in order (the last
     * being the final full collection): live figures from the last run, the others pooled.
     */
    public static RetentionRun of(List<List<CollectionRecord>> runs) {
        List<CollectionRecord> all = runs.stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no collection was recorded");
        }
        CollectionRecord last = runs.getLast().getLast();
        double pinned = all.stream().mapToLong(CollectionRecord::pinnedObjects).average().orElseThrow();
        double pause = median(all.stream().mapToDouble(r -> r.pauseNanos() / 1e6).toArray());
        double rootScan = median(all.stream().map(r -> r.phaseNanos().get(GcPhase.MARK_ROOTS))
                .filter(Objects::nonNull).mapToDouble(nanos -> nanos / 1e3).toArray());
        return new RetentionRun(last.liveObjects(), last.usedBytesAfter(), (double) all.size() / runs.size(), pinned,
                pause, rootScan);
    }

    /** The median, NaN for no values. */
    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
