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
            Map.of("stw-fallbacks", 2L, "cycles", 7L), Percentiles.ofNanos(new long[] {4_000_000, 9_500_000}, 1e6),
            Map.of("full", 9.5, "young", 1.25));

    private static final long NODES = 1_000_000;

    private static BenchRow row(String heap, double ms, double gcMs, GcFigures gc) {
        return new BenchRow(heap, new double[] {ms}, new double[] {gcMs}, 4, true, 64L << 20, "G1; -Xmx1g", gc);
    }

    private static final List<BenchRow> ROWS = List.of(
            row("baseline", 100, 12.5, JVM),
            row("mark-sweep / precise+globals / low-bit / allocation", 231, 40, OURS));

    @Test
    void rendersAMainAndADetailTableWithRatioSplitCostPerNodeAndDashesForUnmeasuredFigures() {
        List<String> lines = new ResultTable(ROWS, NODES).render().lines().toList();
        assertEquals(9, lines.size(), String.join("\n", lines));
        List<String> main = lines.subList(0, 4);
        assertEquals(1, main.stream().map(String::length).distinct().count(), "main lines have one width");
        assertTrue(main.get(0).startsWith("heap / strategies") && main.get(0).contains("max TTS us")
                && main.get(0).contains("ns/node") && main.get(0).contains("mutator ms")
                && main.get(0).contains("GC ms"), main.get(0));
        assertTrue(main.get(1).matches("[- ]+"));
        assertTrue(main.get(2).contains("1.00x") && main.get(2).contains(" -"), main.get(2));
        // 231 ms over a million nodes is 231 ns/node; 40 of it GC, 191 mutator
        assertTrue(main.get(3).matches(".*231\\.0 +2\\.31x +231\\.0 +191\\.0 +40\\.0 +10\\.0 .*12\\.3$"), main.get(3));
        assertEquals("", lines.get(4));
        List<String> detail = lines.subList(5, 9);
        assertTrue(detail.get(0).contains("frag %") && detail.get(0).contains("pinned/GC")
                && detail.get(0).contains("heap MiB") && detail.get(0).contains("warm-up"), detail.get(0));
        assertTrue(detail.get(2).startsWith("baseline") && detail.get(2).contains("8.0") && detail.get(2).endsWith("-"),
                detail.get(2));
        assertTrue(detail.get(3).contains("24.0") && detail.get(3).contains("12.5") && detail.get(3).contains("3.5")
                && detail.get(3).contains("full 9.50 young 1.25")
                && detail.get(3).endsWith("cycles=7 stw-fallbacks=2"), detail.get(3));
    }

    @Test
    void csvHasPlainNumbersEmptyCellsOneColumnPerCounterAndUnitsInTheHeader() {
        BenchRow comma = row("a, b", 50, 5, OURS);
        List<String> lines = new ResultTable(List.of(ROWS.get(0), comma), NODES).csv().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("strategies,median_body_ms,vs_baseline_ratio,ns_per_node,mutator_ms,gc_ms,"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith(",max_pause_ms_full,max_pause_ms_young,counter_cycles,counter_stw_fallbacks"),
                lines.get(0));
        assertTrue(lines.get(2).startsWith("\"a, b\",50,0.5,50,45,5,40,10,9.5,4,9,12.25,67108864,25165824,12.5,3.5,4,true,1,"),
                lines.get(2));
        assertTrue(lines.get(2).endsWith(",9.5,1.25,7,2"), lines.get(2));
        // the baseline: no pause distribution, no counters: empty cells, never "-" or "x"
        assertTrue(lines.get(1).startsWith("baseline,100,1,100,87.5,12.5,12.5,3,,,,,67108864,8388608,,,4,true,1,,"),
                lines.get(1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("-,") || l.contains("x,")), lines.toString());
    }

    @Test
    void theMedianBodysSplitAddsUpToTheMedian() {
        BenchRow r = new BenchRow("r", new double[] {30, 10, 20, 40}, new double[] {3, 1, 2, 4}, 4, true, 1, "", OURS);
        assertEquals(25, r.medianMs());
        assertEquals(2.5, r.medianGcMs());
        assertEquals(22.5, r.mutatorMs());
    }

    @Test
    void needsABaselineRow() {
        assertThrows(IllegalArgumentException.class, () -> new ResultTable(List.of(), NODES));
    }

    @Test
    void countersDeltaSubtractsTheStartKeepsNewCountersAndReportsGaugesAsTheyAre() {
        assertEquals("moved", HeapGcMeter.totalName("moved-last-gc"));
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
