package dev.parallax.gc.harness.bench;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.api.collector.HeapUsage;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import dev.parallax.gc.harness.report.Percentiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures a parallax runtime: collection counts and pause totals from {@link GcStats} deltas, the
 * pause distribution, time-to-safepoint and pinned objects from a {@link GcListener} that records
 * every collection into an HdrHistogram, fragmentation and the collector's counters from the stats.
 * A gauge counter ({@code *-last-gc}, describing the latest collection only) is also summed over the
 * timed collections, under its name without the suffix ({@code moved-last-gc} gives {@code moved}),
 * so that a run's total stands beside its last collection.
 */
public final class HeapGcMeter implements GcMeter {
    /** How long to wait for listener calls still in flight when a measurement ends. */
    private static final long LISTENER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Counters named so describe the latest collection only, not a running total. */
    static final String GAUGE_SUFFIX = "last-gc";

    /** What a gauge's total over the timed collections is called: {@code moved-last-gc} sums to {@code moved}. */
    static String totalName(String gauge) {
        return gauge.substring(0, gauge.length() - GAUGE_SUFFIX.length() - 1);
    }

    private static final double NANOS_PER_MILLI = 1e6;

    private final GcRuntime runtime;
    private final Recorder pauses = new Recorder(3);
    private final LongAccumulator maxPause = new LongAccumulator(Math::max, 0);
    private final Map<String, LongAccumulator> maxPauseByKind = new ConcurrentHashMap<>();
    private final LongAccumulator maxTimeToSafepoint = new LongAccumulator(Math::max, 0);
    private final LongAdder pinned = new LongAdder();
    private final AtomicLong recorded = new AtomicLong();
    /** The sum of each gauge over the collections since the timed part started. */
    private final Map<String, Long> gaugeTotals = new ConcurrentHashMap<>();
    private final GcListener listener = new GcListener() {
        @Override
        public void collectionEnded(CollectionRecord record) {
            pauses.recordValue(record.pauseNanos());
            maxPause.accumulate(record.pauseNanos());
            maxPauseByKind.computeIfAbsent(record.kind(), k -> new LongAccumulator(Math::max, 0))
                    .accumulate(record.pauseNanos());
            maxTimeToSafepoint.accumulate(record.timeToSafepointNanos());
            pinned.add(record.pinnedObjects());
            // the collection has ended and the mutators run, but the gauges change only in the next pause
            runtime.stats().collectorCounters().forEach((name, value) -> {
                if (name.endsWith("-" + GAUGE_SUFFIX)) {
                    gaugeTotals.merge(totalName(name), value, Long::sum);
                }
            });
            recorded.incrementAndGet(); // last: once it matches the stats, this record is in
        }
    };
    private GcStats atStart;

    public HeapGcMeter(GcRuntime runtime) {
        this.runtime = runtime;
        runtime.addListener(listener);
    }

    @Override
    public void startTimed() {
        atStart = settledStats();
        pauses.getIntervalHistogram(); // drops the warm-up's pauses
        maxPause.reset();
        maxPauseByKind.clear();
        maxTimeToSafepoint.reset();
        pinned.reset();
        gaugeTotals.clear();
    }

    @Override
    public double pauseMillis() {
        return millis(runtime.stats().totalPauseNanos());
    }

    @Override
    public GcFigures stopTimed(int bodies) {
        GcStats end = settledStats();
        Histogram histogram = pauses.getIntervalHistogram();
        long collections = end.collections() - atStart.collections();
        boolean any = histogram.getTotalCount() > 0;
        HeapUsage after = end.heapAfterLastGc();
        Map<String, Long> counters = difference(end.collectorCounters(), atStart.collectorCounters());
        counters.putAll(gaugeTotals);
        end.collectorCounters().keySet().stream().filter(n -> n.endsWith("-" + GAUGE_SUFFIX))
                .forEach(n -> counters.putIfAbsent(totalName(n), 0L)); // no timed collection: a total of 0
        return new GcFigures(
                (double) collections / bodies,
                millis(end.totalPauseNanos() - atStart.totalPauseNanos()) / bodies,
                any ? millis(maxPause.get()) : Double.NaN,
                any ? millis(histogram.getValueAtPercentile(50)) : Double.NaN,
                any ? millis(histogram.getValueAtPercentile(99)) : Double.NaN,
                after == null ? -1 : after.usedBytes(),
                any ? maxTimeToSafepoint.get() / 1e3 : Double.NaN,
                after == null ? Double.NaN : after.fragmentation(),
                any ? (double) pinned.sum() / histogram.getTotalCount() : Double.NaN,
                counters,
                Percentiles.of(histogram, NANOS_PER_MILLI),
                maxPauseByKind.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> millis(e.getValue().get()))));
    }

    /**
     * Each cumulative counter of {@code end} minus its value in {@code start} (0 when absent); a
     * gauge (a name ending in {@value #GAUGE_SUFFIX}, e.g. {@code moved-last-gc}) as it is at the end.
     */
    static Map<String, Long> difference(Map<String, Long> end, Map<String, Long> start) {
        Map<String, Long> delta = new HashMap<>();
        end.forEach((name, value) -> delta.put(name,
                name.endsWith(GAUGE_SUFFIX) ? value : value - start.getOrDefault(name, 0L)));
        return delta;
    }

    /** The stats, once the listener has seen every collection they count (listeners run after release). */
    private GcStats settledStats() {
        GcStats stats = runtime.stats();
        long deadline = System.nanoTime() + LISTENER_GRACE_NANOS;
        while (recorded.get() < stats.collections() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        return stats;
    }

    private static double millis(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }

    @Override
    public void close() {
        runtime.removeListener(listener);
    }
}
