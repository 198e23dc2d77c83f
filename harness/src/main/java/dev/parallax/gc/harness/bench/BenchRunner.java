package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.gcbench.GcBench;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Runs a GCBench measurement: warm-up bodies, then timed bodies, each checked for its survivors,
 * with the heap's {@link GcMeter} around the timed part. Progress goes to a side stream.
 */
public final class BenchRunner {
    private final int warmup;
    private final int bodies;
    private final PrintWriter progress;

    /**
     * @param warmup   untimed bodies first (&ge; 0), so that the JIT has compiled the benchmark
     * @param bodies   timed bodies (&ge; 1); the row reports their median
     * @param progress where a line per body goes
     */
    public BenchRunner(int warmup, int bodies, PrintWriter progress) {
        if (warmup < 0 || bodies < 1) {
            throw new IllegalArgumentException("warm-up bodies must be >= 0 and timed bodies >= 1, not "
                    + warmup + " and " + bodies);
        }
        this.warmup = warmup;
        this.bodies = bodies;
        this.progress = progress;
    }

    /** Runs {@code bench} on the calling thread and measures it with {@code meter}. */
    public BenchRow run(String heap, GcBench bench, GcMeter meter) {
        for (int i = 1; i <= warmup; i++) {
            report(heap, "warm-up " + i + "/" + warmup, timeBody(heap, bench));
        }
        meter.startTimed();
        double[] times = new double[bodies];
        for (int i = 0; i < bodies; i++) {
            times[i] = timeBody(heap, bench);
            report(heap, "body " + (i + 1) + "/" + bodies, times[i]);
        }
        GcFigures gc = meter.stopTimed(bodies);
        return new BenchRow(heap, times, median(times), gc);
    }

    /** Runs one body and checks it; returns its time in milliseconds (the check is not timed). */
    private static double timeBody(String heap, GcBench bench) {
        long start = System.nanoTime();
        var result = bench.runBody();
        double ms = (System.nanoTime() - start) / 1e6;
        result.check(bench.params(), heap);
        return ms;
    }

    private void report(String heap, String what, double ms) {
        progress.printf("%s: %s %.1f ms%n", heap, what, ms);
        progress.flush();
    }

    /** The median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
