package dev.parallax.gc.harness.plot;

import dev.parallax.gc.harness.bench.BenchRow;
import dev.parallax.gc.harness.report.Percentiles;
import org.knowm.xchart.CategoryChart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GCBench charts: the median body time per strategy set beside the baseline, the pause-time
 * percentiles per strategy set, and each body's time split into mutator and GC time.
 */
public final class BenchPlots {
    /** Median body time per strategy set, the baseline first. */
    public static final String TIMES = "bench-times.png";
    /** Pause-time percentiles per strategy set. */
    public static final String PAUSES = "bench-pauses.png";
    /** Mutator and GC time per body, stacked. */
    public static final String MUTATOR_GC = "bench-mutator-gc.png";

    private static final Color BASELINE = new Color(0x70, 0x70, 0x70);
    private static final Color HEAP = new Color(0x2E, 0x6D, 0xB4);
    private static final Color GC = new Color(0xE0, 0x6C, 0x1F);

    private BenchPlots() {
    }

    /**
     * Writes the charts into {@code dir}.
     *
     * @param rows   the baseline first, then the parallax runtimes, as in the table
     * @param footer lines under every chart: the workload, the machine and the command
     */
    public static PlotFiles write(Path dir, List<BenchRow> rows, List<String> footer) throws IOException {
        return write(dir, rows, footer, "GCBench");
    }

    /** As {@link #write(Path, List, List)}, for the workload named {@code workload} in the titles. */
    public static PlotFiles write(Path dir, List<BenchRow> rows, List<String> footer, String workload)
            throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ShortLabels labels = ShortLabels.of(rows.subList(1, rows.size()).stream().map(BenchRow::heap).toList());
        written.add(ChartPng.write(times(rows, labels, workload), footer, dir.resolve(TIMES)));
        Map<String, Percentiles> pauses = pauses(rows, labels);
        if (pauses.values().stream().allMatch(Percentiles::isEmpty)) {
            skipped.add(PAUSES + ": no collection paused during the timed bodies");
        } else {
            written.add(ChartPng.write(PercentilePlot.chart(
                            workload + ": pause-time percentiles per strategy set" + labels.titleSuffix(),
                            "percentile of the timed bodies' pauses", "pause (ms, log scale)", "pauses", pauses),
                    ChartPng.withNote(footer, "Every pause of the timed bodies, from the HdrHistogram the meter keeps (3 significant "
                            + "digits); an incremental collector's pauses are its increments. The baseline is not "
                            + "drawn: the JVM's MXBeans report GC time totals, not single pauses."),
                    dir.resolve(PAUSES)));
        }
        written.add(ChartPng.write(mutatorAndGc(rows, labels, workload),
                ChartPng.withNote(footer, "The median body, as in the other chart and the table. GC: the collector's pause "
                        + "time during it (for the baseline the GC time the JVM's MXBeans report, part of it "
                        + "concurrent); mutator: the rest of the body."),
                dir.resolve(MUTATOR_GC)));
        return new PlotFiles(written, skipped);
    }

    /** Median body time per row, the baseline in its own colour, each heap's ratio to it in its label. */
    static CategoryChart times(List<BenchRow> rows, ShortLabels labels, String workload) {
        double baseline = rows.getFirst().medianMs();
        List<String> categories = new ArrayList<>(List.of(rows.getFirst().heap()));
        for (int i = 1; i < rows.size(); i++) {
            categories.add(String.format(Locale.ROOT, "%s (%.1fx)", labels.labels().get(i - 1),
                    rows.get(i).medianMs() / baseline));
        }
        List<Double> base = nulls(rows.size());
        List<Double> heap = nulls(rows.size());
        base.set(0, baseline);
        for (int i = 1; i < rows.size(); i++) {
            heap.set(i, rows.get(i).medianMs());
        }
        CategoryChart chart = ChartStyle.categoryChart(workload + ": median body time per strategy set"
                + labels.titleSuffix(), "strategy set (ratio to the baseline)", "median body time (ms)");
        chart.getStyler().setOverlapped(true).setLabelsVisible(true).setYAxisDecimalPattern("#,##0.#");
        chart.addSeries(rows.getFirst().heap(), categories, base).setFillColor(BASELINE);
        chart.addSeries("parallax heap", categories, heap).setFillColor(HEAP);
        CategoryLabels.fit(chart, categories);
        return chart;
    }

    /** Each heap row's pauses by label; the baseline has none. */
    private static Map<String, Percentiles> pauses(List<BenchRow> rows, ShortLabels labels) {
        Map<String, Percentiles> pauses = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            pauses.put(labels.labels().get(i - 1), rows.get(i).gc().pauses());
        }
        return pauses;
    }

    /** The median body per row, stacked: its GC time on top of the rest (the mutator), as the table splits it. */
    static CategoryChart mutatorAndGc(List<BenchRow> rows, ShortLabels labels, String workload) {
        List<String> categories = new ArrayList<>(List.of(rows.getFirst().heap()));
        categories.addAll(labels.labels());
        List<Double> mutator = new ArrayList<>();
        List<Double> gc = new ArrayList<>();
        for (BenchRow row : rows) {
            gc.add(row.medianGcMs());
            mutator.add(row.mutatorMs());
        }
        CategoryChart chart = ChartStyle.categoryChart(workload + ": mutator and GC time of the median body"
                + labels.titleSuffix(), "strategy set", "time of the median body (ms)");
        chart.getStyler().setStacked(true).setLabelsVisible(true).setYAxisDecimalPattern("#,##0.#");
        chart.addSeries("mutator (body time minus GC)", categories, mutator).setFillColor(HEAP);
        chart.addSeries("GC (pause time per body)", categories, gc).setFillColor(GC);
        CategoryLabels.fit(chart, categories);
        return chart;
    }

    private static List<Double> nulls(int size) {
        return new ArrayList<>(Collections.nCopies(size, (Double) null));
    }
}
