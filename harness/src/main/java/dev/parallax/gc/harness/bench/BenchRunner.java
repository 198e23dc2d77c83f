package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.gcbench.GcBench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs a GCBench measurement: warm-up bodies until their times settle, then timed bodies, each
 * checked for its survivors, with the heap's {@link GcMeter} around the timed part and its pause
 * time read around every timed body. Progress goes to a side channel.
 */
public final class BenchRunner {
    private final Warmup warmup;
    private final int bodies;
    private final Consumer<String> progress;
    private final LongSupplier clock;

    /**
     * @param warmup   when the untimed bodies that let the JIT compile the benchmark end
     * @param bodies   timed bodies (&ge; 1); the row reports their median
     * @param progress told a line per body
     */
    public BenchRunner(Warmup warmup, int bodies, Consumer<String> progress) {
        this(warmup, bodies, progress, System::nanoTime);
    }

    /** As above, timing bodies with {@code clock} (nanoseconds), for tests. */
    BenchRunner(Warmup warmup, int bodies, Consumer<String> progress, LongSupplier clock) {
        this.clock = clock;
        if (bodies < 1) {
            throw new IllegalArgumentException("timed bodies must be >= 1, not " + bodies);
        }
        this.warmup = warmup;
        this.bodies = bodies;
        this.progress = progress;
    }

    /**
     * Runs {@code bench} on the calling thread and measures it with {@code meter}.
     *
     * @param heapBytes the heap the row runs on, and {@code jvm} the JVM, both recorded in the row
     */
    public BenchRow run(String heap, GcBench bench, GcMeter meter, long heapBytes, String jvm) {
        return run(heap, BenchBody.of(bench), meter, heapBytes, jvm);
    }

    /** As above, for any workload's bodies. */
    public BenchRow run(String heap, BenchBody bench, GcMeter meter, long heapBytes, String jvm) {
        double previous = Double.NaN;
        int warm = 0;
        boolean settled = false;
        while (warm < warmup.maxBodies()) {
            double ms = timeBody(heap, bench);
            warm++;
            report(heap, "warm-up " + warm, ms);
            settled = warm >= 2 && warmup.settled(previous, ms);
            previous = ms;
            if (settled && warm >= warmup.minBodies()) {
                break;
            }
        }
        meter.startTimed();
        double[] times = new double[bodies];
        double[] gc = new double[bodies];
        for (int i = 0; i < bodies; i++) {
            double pauseBefore = meter.pauseMillis();
            times[i] = timeBody(heap, bench);
            gc[i] = meter.pauseMillis() - pauseBefore;
            report(heap, "body " + (i + 1) + "/" + bodies, times[i]);
        }
        GcFigures figures = meter.stopTimed(bodies);
        return new BenchRow(heap, times, gc, warm, settled, heapBytes, jvm, figures);
    }

    /** Runs one body and checks it; returns its time in milliseconds (the check is not timed). */
    private double timeBody(String heap, BenchBody bench) {
        long start = clock.getAsLong();
        Runnable check = bench.run(heap);
        double ms = (clock.getAsLong() - start) / 1e6;
        check.run();
        return ms;
    }

    private void report(String heap, String what, double ms) {
        progress.accept(String.format(Locale.ROOT, "%s: %s %.1f ms", heap, what, ms));
    }

    /** The median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
