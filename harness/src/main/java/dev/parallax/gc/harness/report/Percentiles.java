package dev.parallax.gc.harness.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;

/**
 * A distribution of durations as the steps of its percentile curve: step {@code i} holds the value
 * {@link #value(int)} from the level of the step before (0 for the first) up to {@link #level(int)},
 * in percent; the last level is 100 and the last value the maximum. Empty when nothing was recorded.
 * Values are at least one nanosecond (in the chosen unit), below any clock's resolution, so that a
 * logarithmic axis can show them.
 */
public final class Percentiles implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** No samples. */
    public static final Percentiles EMPTY = new Percentiles(new double[0], new double[0], 0);

    private final double[] values;
    private final double[] levels;
    private final long count;

    private Percentiles(double[] values, double[] levels, long count) {
        this.values = values;
        this.levels = levels;
        this.count = count;
    }

    /** Every recorded bucket of {@code nanos} (a histogram of nanoseconds), in units of {@code nanosPerUnit}. */
    public static Percentiles of(Histogram nanos, double nanosPerUnit) {
        long total = nanos.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        double[] values = new double[countBuckets(nanos)];
        double[] levels = new double[values.length];
        int i = 0;
        for (HistogramIterationValue bucket : nanos.recordedValues()) {
            values[i] = unit(bucket.getValueIteratedTo(), nanosPerUnit);
            levels[i] = 100.0 * bucket.getTotalCountToThisValue() / total; // exact, unlike the iterator's double level
            i++;
        }
        return new Percentiles(values, levels, total);
    }

    /** The exact distribution of {@code samples} (nanoseconds), in units of {@code nanosPerUnit}. */
    public static Percentiles ofNanos(long[] samples, double nanosPerUnit) {
        if (samples.length == 0) {
            return EMPTY;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        double[] values = new double[distinct];
        double[] levels = new double[distinct];
        int step = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i + 1 == sorted.length || sorted[i + 1] != sorted[i]) { // the last of equal samples closes a step
                values[step] = unit(sorted[i], nanosPerUnit);
                levels[step++] = 100.0 * (i + 1) / sorted.length;
            }
        }
        return new Percentiles(values, levels, sorted.length);
    }

    private static int countBuckets(Histogram nanos) {
        int buckets = 0;
        for (HistogramIterationValue ignored : nanos.recordedValues()) {
            buckets++;
        }
        return buckets;
    }

    private static double unit(long nanos, double nanosPerUnit) {
        return Math.max(nanos, 1) / nanosPerUnit;
    }

    /** How many samples the distribution was built from. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The number of steps (distinct values, or histogram buckets). */
    public int steps() {
        return values.length;
    }

    /** The value of step {@code i}, ascending with {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** The percentage of samples at or below {@link #value(int) value(i)}; 100 for the last step. */
    public double level(int i) {
        return levels[i];
    }

    /** The largest sample; NaN when empty. */
    public double max() {
        return isEmpty() ? Double.NaN : values[values.length - 1];
    }

    @Override
    public String toString() {
        return "Percentiles[" + count + " samples, " + steps() + " steps, max " + max() + "]";
    }
}
