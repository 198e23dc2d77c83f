package dev.parallax.gc.harness.bench;

/**
 * One row of the GCBench table.
 *
 * @param heap      what ran: the strategies of a parallax runtime, or the baseline's description
 * @param bodyMs    the time of each timed body, in order
 * @param medianMs  the median of {@code bodyMs}
 * @param gc        what the collector did over the timed bodies
 */
public record BenchRow(String heap, double[] bodyMs, double medianMs, GcFigures gc) {
    public BenchRow {
        bodyMs = bodyMs.clone();
    }

    @Override
    public double[] bodyMs() {
        return bodyMs.clone();
    }
}
