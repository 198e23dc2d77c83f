package dev.parallax.gc.harness.plot;

import dev.parallax.gc.harness.retention.RetentionExperiment.Cell;
import dev.parallax.gc.harness.retention.RetentionOutcome;
import dev.parallax.gc.harness.retention.RetentionRun;
import dev.parallax.gc.harness.retention.RootMode;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retention chart: the objects falsely retained, in percent of the precise run's live objects,
 * per stack-word class, one bar per tag scheme and conservative decoding. A cell that measured
 * nothing (UNSAFE, FAILED, n/a) has no bar but its verdict written in its place, never a zero.
 */
public final class RetentionPlots {
    /** False retention per word class, grouped by tag scheme and roots. */
    public static final String FALSE_RETENTION = "retention-false.png";

    /** The marker of a cell whose run lost reachable objects as its decoding predicts. */
    static final String UNSAFE = "UNSAFE";

    /**
     * The bars: per series (tag scheme and roots) a value per category (word class), null where the
     * cell measured nothing, and a marker for each such cell.
     */
    record Bars(List<String> categories, Map<String, List<Double>> series, List<Marker> markers) {
    }

    /** The text standing in a cell's place: {@code category} and {@code series} are indices. */
    record Marker(int category, int series, String text) {
    }

    private RetentionPlots() {
    }

    /** Writes the chart into {@code dir}; {@code footer}: lines under it (workload, machine, command). */
    public static PlotFiles write(Path dir, List<Cell> cells, List<String> footer) throws IOException {
        Bars bars = bars(cells);
        if (bars.series().isEmpty()) {
            return new PlotFiles(List.of(), List.of(FALSE_RETENTION + ": no conservative cell ran"));
        }
        Path file = ChartPng.write(chart(bars), ChartPng.withNote(footer, "Objects kept alive only by the raw "
                + "stack words: the live objects after the final full collection minus the precise run's (same "
                + "workload and seed), in % of the precise run's; the precise+globals rows are that reference and "
                + "not drawn. UNSAFE: the run lost reachable objects (naive decoding under a tag scheme whose "
                + "pointer words are not raw addresses), so there is nothing to measure; FAILED: a bug (see the "
                + "table); n/a: not assembled or not counted."), dir.resolve(FALSE_RETENTION));
        return new PlotFiles(List.of(file), List.of());
    }

    /** The conservative cells as bars: word classes in order of appearance, series by tags and roots. */
    static Bars bars(List<Cell> cells) {
        List<Cell> conservative = cells.stream().filter(c -> c.mode() != RootMode.PRECISE).toList();
        List<String> categories = conservative.stream().map(c -> c.words().label()).distinct().toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<Marker> markers = new ArrayList<>();
        for (Cell cell : conservative) {
            String name = cell.tags() + " / " + cell.mode().label();
            List<Double> values = series.computeIfAbsent(name,
                    n -> new ArrayList<>(Collections.nCopies(categories.size(), (Double) null)));
            int category = categories.indexOf(cell.words().label());
            Double value = falsePercent(cell);
            values.set(category, value);
            if (value == null) {
                markers.add(new Marker(category, new ArrayList<>(series.keySet()).indexOf(name), verdict(cell)));
            }
        }
        return new Bars(categories, series, markers);
    }

    /** The falsely retained objects in % of the reference's live objects; null when not measured. */
    private static Double falsePercent(Cell cell) {
        if (!(cell.outcome() instanceof RetentionOutcome.Measured measured)) {
            return null;
        }
        RetentionRun run = measured.run();
        long reference = cell.reference().liveObjects();
        boolean counted = run.liveObjects() >= 0 && reference > 0;
        return counted ? 100.0 * (run.liveObjects() - reference) / reference : null;
    }

    private static String verdict(Cell cell) {
        return switch (cell.outcome()) {
            case RetentionOutcome.Unsafe u -> UNSAFE;
            case RetentionOutcome.Failed f -> "FAILED";
            case RetentionOutcome.Unavailable u -> "n/a";
            case RetentionOutcome.Measured m -> "n/a"; // the collector does not count live objects
        };
    }

    static CategoryChart chart(Bars bars) {
        CategoryChart chart = ChartStyle.categoryChart("False retention by conservative stack scanning",
                "raw words in the stack slots", "falsely retained objects (% of live objects)");
        chart.getStyler().setLabelsVisible(true).setYAxisDecimalPattern("0.0##").setYAxisMin(0.0);
        double top = bars.series().values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (top <= 0) {
            chart.getStyler().setYAxisMax(1.0); // room for the markers when every bar is zero
        }
        bars.series().forEach((name, values) -> chart.addSeries(name, bars.categories(), values));
        ChartStyle.legend(chart, bars.series().keySet());
        double fill = chart.getStyler().getAvailableSpaceFill();
        int count = bars.series().size();
        for (Marker marker : bars.markers()) {
            // a category spans [i, i + 1) on the axis; its bars share the middle fraction `fill` of it
            double x = marker.category() + (1 - fill) / 2 + fill * (marker.series() + 0.5) / count;
            chart.addAnnotation(new AnnotationText(marker.text(), x, (top > 0 ? top : 1.0) * 0.04, false));
        }
        CategoryLabels.fit(chart, bars.categories());
        return chart;
    }
}
