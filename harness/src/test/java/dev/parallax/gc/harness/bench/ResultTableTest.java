package dev.parallax.gc.harness.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest {
    private static final GcFigures JVM =
            new GcFigures(3, 12.5, Double.NaN, Double.NaN, Double.NaN, 8L << 20, Double.NaN);
    private static final GcFigures OURS = new GcFigures(10, 40, 9.5, 4, 9, 24L << 20, 12.25);

    private static final List<BenchRow> ROWS = List.of(
            new BenchRow("baseline", new double[] {100}, 100, JVM),
            new BenchRow("mark-sweep / precise+globals / low-bit / allocation", new double[] {231}, 231, OURS));

    @Test
    void rendersAlignedColumnsWithRatioAndDashesForUnmeasuredFigures() {
        List<String> lines = new ResultTable(ROWS).render().lines().toList();
        assertEquals(4, lines.size());
        assertEquals(1, lines.stream().map(String::length).distinct().count(), "every line has the same width");
        assertTrue(lines.get(0).startsWith("heap / strategies"));
        assertTrue(lines.get(1).matches("[- ]+"));
        assertTrue(lines.get(2).contains("1.00x") && lines.get(2).contains("8.0") && lines.get(2).contains(" -"),
                lines.get(2));
        assertTrue(lines.get(3).contains("231.0") && lines.get(3).contains("2.31x")
                && lines.get(3).contains("24.0") && lines.get(3).endsWith("12.3"), lines.get(3));
    }

    @Test
    void csvHasTheSameRowsAndQuotesFieldsWithCommas() {
        BenchRow comma = new BenchRow("a, b", new double[] {50}, 50, OURS);
        List<String> lines = new ResultTable(List.of(ROWS.get(0), comma)).csv().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("heap / strategies,median ms,vs baseline,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("\"a, b\",50.0,0.50x,10.0,40.0,9.50,4.00,9.00,24.0,12.3"), lines.get(2));
    }

    @Test
    void needsABaselineRow() {
        assertThrows(IllegalArgumentException.class, () -> new ResultTable(List.of()));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, BenchRunner.median(new double[] {5, 1, 3}));
        assertEquals(2.5, BenchRunner.median(new double[] {4, 1, 3, 2}));
    }
}
