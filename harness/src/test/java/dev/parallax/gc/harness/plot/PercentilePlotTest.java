package dev.parallax.gc.harness.plot;

import dev.parallax.gc.harness.report.Percentiles;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilePlotTest {
    @Test
    void ticksAreLabelledAsPercentilesOnAScaleOfNines() {
        assertEquals("p0", PercentilePlot.tickLabel(0, 4));
        assertEquals("p90", PercentilePlot.tickLabel(1, 4));
        assertEquals("p99", PercentilePlot.tickLabel(2, 4));
        assertEquals("p99.9", PercentilePlot.tickLabel(3, 4));
        assertEquals("max", PercentilePlot.tickLabel(4, 4));
        assertEquals("p68", PercentilePlot.tickLabel(0.5, 4));
    }

    /** XChart loops forever on equal tick labels, also for ticks past the axis ends: any grid must give distinct ones. */
    @Test
    void tickLabelsAreDistinctForEveryGridXChartMayChoose() {
        for (double end = 1; end <= 7; end++) {
            for (double step : new double[] {0.05, 0.1, 0.2, 0.25, 0.5, 1, 2}) {
                Set<String> labels = new HashSet<>();
                int ticks = 0;
                for (double x = -2 * step - step; x <= end + 2 * step + 1e-9; x += step) {
                    labels.add(PercentilePlot.tickLabel(Math.rint(x / step) * step, end));
                    ticks++;
                }
                assertEquals(ticks, labels.size(), "end " + end + ", step " + step + ": " + labels);
            }
        }
    }

    @Test
    void stepsHoldEachValueUpToItsLevelAndTheMaximumReachesTheEnd() {
        Percentiles p = Percentiles.ofNanos(new long[] {1, 2, 2, 2, 2, 2, 2, 2, 2, 9}, 1);
        double end = PercentilePlot.end(p.count());
        assertEquals(2.0, end, "10 samples: the last finite level is p90, one decade before the end");
        double[][] steps = PercentilePlot.steps(p, end);
        assertArrayEquals(new double[] {0, 1 - Math.log10(9), 1 - Math.log10(9), 1, 1, 2}, steps[0], 1e-12);
        assertArrayEquals(new double[] {1, 1, 2, 2, 9, 9}, steps[1]);
    }

    @Test
    void emptyDistributionsAreLeftOutAndAllEmptyIsRefused() {
        Map<String, Percentiles> series = new LinkedHashMap<>();
        series.put("none", Percentiles.EMPTY);
        assertThrows(IllegalArgumentException.class, () -> PercentilePlot.chart("t", "x", "y", "pauses", series));
        series.put("some", Percentiles.ofNanos(new long[] {5, 7}, 1));
        XYChart chart = PercentilePlot.chart("t", "x", "y", "pauses", series);
        assertEquals(Set.of("some (2 pauses)"), chart.getSeriesMap().keySet());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void theValueAxisHasOneLabelFormatAndADecadeAboveTheLargestValue() {
        // time-to-safepoint in microseconds from 40 to 80,000: five decades
        Percentiles tts = Percentiles.ofNanos(new long[] {40, 900, 12_000, 80_000}, 1);
        XYChart chart = PercentilePlot.chart("t", "x", "y", "requests", java.util.Map.of("allocation", tts));
        assertTrue(chart.getStyler().getYAxisMax() >= 80_000, "the largest value lies below a labelled decade");
        assertEquals(100_000, chart.getStyler().getYAxisMax());
        for (double tick : new double[] {10, 100, 1_000, 10_000, 100_000}) {
            String label = PercentilePlot.valueLabel(tick);
            assertFalse(label.contains("E"), label);
        }
        assertEquals("10,000", PercentilePlot.valueLabel(10_000));
        assertEquals("0.05", PercentilePlot.valueLabel(0.05));
    }
}
