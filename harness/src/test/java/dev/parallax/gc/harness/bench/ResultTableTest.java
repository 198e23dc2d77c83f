package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.report.Percentiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest {
    private static final GcFigures JVM = GcFigures.totalsOnly(3, 12.5, 8L << 20);
    private static final GcFigures OURS = new GcFigures(10, 40, 9.5, 4, 9, 24L << 20, 12.25, 0.125, 3.5,
            Map.of("stw-fallbacks", 2L, "cycles", 7L), Percentiles.ofNanos(new long[] {4_000_000, 9_500_000}, 1e6));

    private static final List<BenchRow> ROWS = List.of(
            new BenchRow("baseline", new double[] {100}, 100, JVM),
            new BenchRow("mark-sweep / precise+globals / low-bit / allocation", new double[] {231}, 231, OURS));

    @Test
    void rendersAMainAndADetailTableWithRatioAndDashesForUnmeasuredFigures() {
        List<String> lines = new ResultTable(ROWS).render().lines().toList();
        assertEquals(9, lines.size(), String.join("\n", lines));
        List<String> main = lines.subList(0, 4);
        assertEquals(1, main.stream().map(String::length).distinct().count(), "main lines have one width");
        assertTrue(main.get(0).startsWith("heap / strategies") && main.get(0).contains("max TTS us"), main.get(0));
        assertTrue(main.get(1).matches("[- ]+"));
        assertTrue(main.get(2).contains("1.00x") && main.get(2).contains(" -"), main.get(2));
        assertTrue(main.get(3).contains("231.0") && main.get(3).contains("2.31x") && main.get(3).endsWith("12.3"),
                main.get(3));
        assertEquals("", lines.get(4));
        List<String> detail = lines.subList(5, 9);
        assertTrue(detail.get(0).contains("frag %") && detail.get(0).contains("pinned/GC"), detail.get(0));
        assertTrue(detail.get(2).startsWith("baseline") && detail.get(2).contains("8.0") && detail.get(2).endsWith("-"),
                detail.get(2));
        assertTrue(detail.get(3).contains("24.0") && detail.get(3).contains("12.5") && detail.get(3).contains("3.5")
                && detail.get(3).endsWith("cycles=7 stw-fallbacks=2"), detail.get(3));
    }

    @Test
    void csvHasEveryColumnOnceAndQuotesFieldsWithCommas() {
        BenchRow comma = new BenchRow("a, b", new double[] {50}, 50, OURS);
        List<String> lines = new ResultTable(List.of(ROWS.get(0), comma)).csv().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("heap / strategies,median ms,vs baseline,"), lines.get(0));
        assertEquals(1, lines.get(0).split("heap / strategies", -1).length - 1, lines.get(0));
        assertEquals("\"a, b\",50.0,0.50x,10.0,40.0,9.50,9.00,12.3,4.00,24.0,12.5,3.5,cycles=7 stw-fallbacks=2",
                lines.get(2));
    }

    @Test
    void needsABaselineRow() {
        assertThrows(IllegalArgumentException.class, () -> new ResultTable(List.of()));
    }

    @Test
    void countersDeltaSubtractsTheStartKeepsNewCountersAndReportsGaugesAsTheyAre() {
        assertEquals(Map.of("cycles", 3L, "moved", 5L, "moved-last-gc", 40L),
                HeapGcMeter.difference(Map.of("cycles", 10L, "moved", 5L, "moved-last-gc", 40L),
                        Map.of("cycles", 7L, "moved-last-gc", 90L)));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, BenchRunner.median(new double[] {5, 1, 3}));
        assertEquals(2.5, BenchRunner.median(new double[] {4, 1, 3, 2}));
    }
}
