package dev.parallax.gc.harness.bench;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One row of the GCBench table.
 *
 * @param heap         what ran: the strategies of a parallax runtime, or the baseline's description
 * @param bodyMs       the time of each timed body, in order
 * @param gcMs         the collector's pause time during each timed body, in the same order (for the
 *                     baseline the JVM's GC time, part of which may be concurrent)
 * @param warmupBodies the untimed bodies run first, until body times settled
 * @param settled      whether two consecutive warm-up bodies came within the tolerance
 * @param heapBytes    the heap the row ran on: the parallax heap's size, or the JVM's maximum heap
 * @param jvm          the JVM that ran the row: its collectors and heap flags
 * @param gc           what the collector did over the timed bodies
 */
public record BenchRow(String heap, double[] bodyMs, double[] gcMs, int warmupBodies, boolean settled, long heapBytes,
                       String jvm, GcFigures gc) implements Serializable {
    public BenchRow {
        if (bodyMs.length == 0 || bodyMs.length != gcMs.length) {
            throw new IllegalArgumentException("a row needs one GC time per timed body, and at least one body");
        }
        bodyMs = bodyMs.clone();
        gcMs = gcMs.clone();
    }

    @Override
    public double[] bodyMs() {
        return bodyMs.clone();
    }

    @Override
    public double[] gcMs() {
        return gcMs.clone();
    }

    /** The median body time. */
    public double medianMs() {
        return BenchRunner.median(bodyMs);
    }

    /**
     * The GC time of the median body (the mean of the two middle bodies' for an even count), so that
     * {@link #mutatorMs()} and this add up to {@link #medianMs()}.
     */
    public double medianGcMs() {
        int[] middle = middle();
        return Arrays.stream(middle).mapToDouble(i -> Math.min(gcMs[i], bodyMs[i])).average().orElseThrow();
    }

    /** The median body time minus its GC time: the time the mutator ran. */
    public double mutatorMs() {
        return medianMs() - medianGcMs();
    }

    /** The median body time per node allocated, in nanoseconds. */
    public double nsPerNode(long nodesPerBody) {
        return medianMs() * 1e6 / nodesPerBody;
    }

    /** The index of the median body, or of the two middle ones. */
    private int[] middle() {
        Integer[] order = IntStream.range(0, bodyMs.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> bodyMs[i]));
        int mid = order.length / 2;
        return order.length % 2 == 1 ? new int[] {order[mid]} : new int[] {order[mid - 1], order[mid]};
    }
}
