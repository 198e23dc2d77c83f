package dev.parallax.gc.harness.plot;

import dev.parallax.gc.harness.report.Percentiles;
import dev.parallax.gc.harness.safepoints.SafepointRun;
import org.knowm.xchart.CategoryChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The safepoint charts: time-to-safepoint percentiles per policy, and the worker's median body time. */
public final class SafepointPlots {
    /** Time-to-safepoint percentiles per policy. */
    public static final String TTS = "safepoints-tts.png";
    /** The worker's median body time per policy. */
    public static final String BODY = "safepoints-body.png";

    private SafepointPlots() {
    }

    /** Writes the charts into {@code dir}; {@code footer}: lines under them (workload, machine, command). */
    public static PlotFiles write(Path dir, List<SafepointRun> runs, List<String> footer) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Percentiles> tts = new LinkedHashMap<>();
        runs.forEach(run -> tts.put(run.policy(), run.tts()));
        if (tts.values().stream().allMatch(Percentiles::isEmpty)) {
            skipped.add(TTS + ": no request was served during the timed bodies");
        } else {
            written.add(ChartPng.write(PercentilePlot.chart("Time to safepoint per policy",
                            "percentile of the requests' times to safepoint", "time to safepoint (µs, log scale)",
                            "requests", tts),
                    ChartPng.withNote(footer, "Each request's wait from the stop request until every mutator "
                            + "parked, i.e. how long the worker ran before it reached a poll. A policy with no "
                            + "request served is not drawn."),
                    dir.resolve(TTS)));
        }
        written.add(ChartPng.write(body(runs), ChartPng.withNote(footer, "The worker's median body time, "
                + "pauses included; in brackets its ratio to the first policy."), dir.resolve(BODY)));
        return new PlotFiles(written, skipped);
    }

    static CategoryChart body(List<SafepointRun> runs) {
        double first = runs.getFirst().medianBodyMs();
        List<String> categories = runs.stream().map(r -> String.format(Locale.ROOT, "%s (%.2fx)", r.policy(),
                r.medianBodyMs() / first)).toList();
        CategoryChart chart = ChartStyle.categoryChart("Worker's median body time per safepoint policy",
                "safepoint policy (ratio to the first)", "median body time (ms)");
        chart.getStyler().setLabelsVisible(true).setYAxisDecimalPattern("#,##0.#").setLegendVisible(false);
        chart.addSeries("median body time", categories, runs.stream().map(SafepointRun::medianBodyMs).toList());
        CategoryLabels.fit(chart, categories);
        return chart;
    }
}
