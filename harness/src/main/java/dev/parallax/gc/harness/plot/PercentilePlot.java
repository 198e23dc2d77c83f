package dev.parallax.gc.harness.plot;

import dev.parallax.gc.harness.report.Percentiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A percentile plot as HdrHistogram draws them: x is the percentile on a scale of nines (p0, p90,
 * p99, p99.9, ...; position {@code -log10(1 - p/100)}), the maximum at the right end; y is the value
 * on a log scale; one stepped line per series. The tail of a distribution gets as much room as its bulk.
 */
final class PercentilePlot {
    /** The most decades of y axis whose ticks 2..9 are labelled too; beyond, only the decades are. */
    private static final int MAX_LABELLED_DECADES = 3;

    private PercentilePlot() {
    }

    /**
     * The plot of every non-empty distribution in {@code series} (by legend name, in order).
     *
     * @param samples what a sample is, plural, for the legend ("pauses")
     * @throws IllegalArgumentException when every distribution is empty
     */
    static XYChart chart(String title, String xTitle, String yTitle, String samples, Map<String, Percentiles> series) {
        long most = series.values().stream().mapToLong(Percentiles::count).max().orElse(0);
        if (most == 0) {
            throw new IllegalArgumentException("nothing to plot: every distribution is empty");
        }
        double end = end(most);
        XYChart chart = ChartStyle.xyChart(title, xTitle, yTitle);
        chart.getStyler().setYAxisLogarithmic(true).setXAxisMin(0.0).setXAxisMax(end)
                .setXAxisTickMarkSpacingHint(ChartStyle.WIDTH / 6)
                .setxAxisTickLabelsFormattingFunction(x -> tickLabel(x, end));
        series.forEach((name, distribution) -> {
            if (!distribution.isEmpty()) {
                double[][] steps = steps(distribution, end);
                chart.addSeries(name + " (" + distribution.count() + " " + samples + ")", steps[0], steps[1])
                        .setMarker(SeriesMarkers.NONE).setLineWidth(2.5f);
            }
        });
        ChartStyle.legend(chart, chart.getSeriesMap().keySet());
        decades(chart, series.values());
        return chart;
    }

    /**
     * Labels the y axis's decades only when the values span many of them (XChart's ticks 2..9 of each
     * decade would overlap); over a few, labels 2..9 too, the axis stretched to whole decades so that its
     * ends are labelled 10^k rather than a value crowding the next tick.
     */
    private static void decades(XYChart chart, Collection<Percentiles> series) {
        double low = series.stream().filter(p -> !p.isEmpty()).mapToDouble(p -> p.value(0)).min().orElseThrow();
        double high = series.stream().filter(p -> !p.isEmpty()).mapToDouble(Percentiles::max).max().orElseThrow();
        double bottom = Math.floor(Math.log10(low));
        double top = Math.max(Math.ceil(Math.log10(high)), bottom + 1);
        // whole decades at both ends, so that the largest value has a labelled decade above it
        chart.getStyler().setYAxisLogarithmicDecadeOnly(top - bottom > MAX_LABELLED_DECADES)
                .setYAxisMin(Math.pow(10, bottom)).setYAxisMax(Math.pow(10, top))
                .setyAxisTickLabelsFormattingFunction(PercentilePlot::valueLabel);
    }

    /** A y tick label in one format for every decade: "0.01", "100", "10,000", never "1E4". */
    static String valueLabel(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    /** The right end of the x axis: one decade of nines past the largest sample count's last finite level. */
    static double end(long samples) {
        return Math.floor(Math.log10(samples)) + 1;
    }

    /** The x position of {@code level} percent: its number of nines; 100 (the maximum) sits at {@code end}. */
    static double nines(double level, double end) {
        return level >= 100 ? end : Math.min(end, -Math.log10(1 - level / 100));
    }

    /** The x and y coordinates of the steps: each value held from the level before it to its own. */
    static double[][] steps(Percentiles distribution, double end) {
        int n = distribution.steps();
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        double from = 0;
        for (int i = 0; i < n; i++) {
            double to = nines(distribution.level(i), end);
            x[2 * i] = from;
            x[2 * i + 1] = to;
            y[2 * i] = distribution.value(i);
            y[2 * i + 1] = distribution.value(i);
            from = to;
        }
        return new double[][] {x, y};
    }

    /**
     * "p99.9" for x = 3, "max" at {@code end}. XChart also labels ticks past the axis ends and retries
     * forever while two labels are equal, so distinct ticks (0.05 apart or more) get distinct labels:
     * with as many decimals as whole nines in x, neighbouring ticks differ by more than the rounding.
     */
    static String tickLabel(double x, double end) {
        if (Math.abs(x - end) < 1e-9) {
            return "max";
        }
        DecimalFormat format = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMaximumFractionDigits((int) Math.max(0, Math.floor(x + 1e-9)));
        return "p" + format.format(100 - 100 * Math.pow(10, -x));
    }
}
