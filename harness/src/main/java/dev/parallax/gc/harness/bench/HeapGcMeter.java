package dev.parallax.gc.harness.bench;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.GcStats;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures a parallax runtime: collection counts and pause totals from {@link GcStats} deltas, the
 * pause distribution and time-to-safepoint from a {@link GcListener} that records every collection
 * into an HdrHistogram.
 */
public final class HeapGcMeter implements GcMeter {
    /** How long to wait for listener calls still in flight when a measurement ends. */
    private static final long LISTENER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final GcRuntime runtime;
    private final Recorder pauses = new Recorder(3);
    private final LongAccumulator maxPause = new LongAccumulator(Math::max, 0);
    private final LongAccumulator maxTimeToSafepoint = new LongAccumulator(Math::max, 0);
    private final AtomicLong recorded = new AtomicLong();
    private final GcListener listener = new GcListener() {
        @Override
        public void collectionEnded(CollectionRecord record) {
            pauses.recordValue(record.pauseNanos());
            maxPause.accumulate(record.pauseNanos());
            maxTimeToSafepoint.accumulate(record.timeToSafepointNanos());
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
        maxTimeToSafepoint.reset();
    }

    @Override
    public GcFigures stopTimed(int bodies) {
        GcStats end = settledStats();
        Histogram histogram = pauses.getIntervalHistogram();
        long collections = end.collections() - atStart.collections();
        boolean any = histogram.getTotalCount() > 0;
        return new GcFigures(
                (double) collections / bodies,
                millis(end.totalPauseNanos() - atStart.totalPauseNanos()) / bodies,
                any ? millis(maxPause.get()) : Double.NaN,
                any ? millis(histogram.getValueAtPercentile(50)) : Double.NaN,
                any ? millis(histogram.getValueAtPercentile(99)) : Double.NaN,
                end.heapAfterLastGc() == null ? -1 : end.heapAfterLastGc().usedBytes(),
                any ? maxTimeToSafepoint.get() / 1e3 : Double.NaN);
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
        return nanos / 1e6;
    }

    @Override
    public void close() {
        runtime.removeListener(listener);
    }
}
