package dev.parallax.gc.harness.plot;

import org.knowm.xchart.CategoryChart;

import java.awt.Font;
import java.awt.FontMetrics;

import java.util.List;

/**
 * Tilts a category chart's axis labels when they are too long to stand side by side. A tilted label
 * is centred on its tick, so the last one reaches past the chart's right edge when it is long (and
 * XChart then leaves it out): labels too long for that are tilted more steeply, up to vertical.
 */
final class CategoryLabels {
    /** The x axis's share of the chart width (the y axis and its title take the rest). */
    private static final double AXIS_SHARE = 0.88;
    /** The tilts tried, gentlest first: the first at which the last label stays inside the chart is taken. */
    private static final int[] TILT_DEGREES = {20, 45, 70};
    private static final int VERTICAL = 90;
    /** What lies right of the last category's slot (the plot's border, the chart's margin), in pixels. */
    private static final double RIGHT_MARGIN = 60;

    private CategoryLabels() {
    }

    /** Tilts the labels of {@code chart} if the longest of {@code categories} is wider than its slot. */
    static void fit(CategoryChart chart, List<String> categories) {
        int tilt = tilt(categories, chart.getStyler().getAxisTickLabelsFont());
        if (tilt > 0) {
            chart.getStyler().setXAxisLabelRotation(tilt);
        }
    }

    /** The tilt for {@code categories} drawn in {@code font}, in degrees: 0 when they fit side by side. */
    static int tilt(List<String> categories, Font font) {
        FontMetrics metrics = ChartPng.metrics(font);
        double longest = categories.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        double slot = ChartStyle.WIDTH * AXIS_SHARE / Math.max(1, categories.size());
        if (longest <= slot * 0.95) {
            return 0;
        }
        double room = slot / 2 + RIGHT_MARGIN; // right of the last tick
        for (int degrees : TILT_DEGREES) {
            if (longest * Math.cos(Math.toRadians(degrees)) / 2 <= room) {
                return degrees;
            }
        }
        return VERTICAL;
    }
}
