package dev.parallax.gc.harness.plot;

import dev.parallax.gc.harness.retention.RetentionExperiment.Cell;
import dev.parallax.gc.harness.retention.RetentionOutcome.Measured;
import dev.parallax.gc.harness.retention.RetentionOutcome.Unsafe;
import dev.parallax.gc.harness.retention.RetentionRun;
import dev.parallax.gc.harness.retention.RootMode;
import dev.parallax.gc.harness.retention.WordClass;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetentionPlotsTest {
    private static final RetentionRun REFERENCE = new RetentionRun(1000, 48_000, 5, 0, 1.0, 10);

    private static Cell measured(String tags, RootMode mode, WordClass words, long live) {
        return new Cell(tags, mode, words, new Measured(new RetentionRun(live, live * 48, 5, 3, 1.1, 12)), REFERENCE);
    }

    @Test
    void anUnsafeCellHasNoBarButItsVerdictWhileAZeroStaysZero() {
        List<Cell> cells = List.of(
                new Cell("low-bit", RootMode.PRECISE, null, new Measured(REFERENCE), REFERENCE),
                measured("low-bit", RootMode.CONSERVATIVE_TAGS, WordClass.DOUBLE, 1000),
                measured("low-bit", RootMode.CONSERVATIVE_TAGS, WordClass.HEAP_ALIGNED, 1020),
                measured("high-bit", RootMode.CONSERVATIVE_NAIVE, WordClass.DOUBLE, 1000),
                new Cell("high-bit", RootMode.CONSERVATIVE_NAIVE, WordClass.HEAP_ALIGNED,
                        new Unsafe("IllegalArgumentException: readValue on a non-object"), REFERENCE));
        RetentionPlots.Bars bars = RetentionPlots.bars(cells);
        assertEquals(List.of("doubles", "heap addresses, aligned"), bars.categories());
        assertEquals(List.of("low-bit / conservative(tags)+globals", "high-bit / conservative(naive)+globals"),
                List.copyOf(bars.series().keySet()), "the precise reference is not a series");
        assertEquals(Arrays.asList(0.0, 2.0), bars.series().get("low-bit / conservative(tags)+globals"));
        List<Double> naive = bars.series().get("high-bit / conservative(naive)+globals");
        assertEquals(0.0, naive.get(0));
        assertNull(naive.get(1), "UNSAFE measured nothing: no bar, not a zero");
        assertEquals(List.of(new RetentionPlots.Marker(1, 1, RetentionPlots.UNSAFE)), bars.markers());
    }
}
