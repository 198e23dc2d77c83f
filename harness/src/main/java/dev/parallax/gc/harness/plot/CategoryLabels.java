package dev.parallax.gc.harness.plot;

import org.knowm.xchart.CategoryChart;

import java.util.List;

/** Tilts a category chart's axis labels when they are too long to stand side by side. */
final class CategoryLabels {
    /** Roughly the width of a character of the tick-label font, in pixels. */
    private static final double CHAR_WIDTH = 7.5;
    /** The x axis's share of the chart width (the y axis and its title take the rest). */
    private static final double AXIS_SHARE = 0.88;
    private static final int TILT_DEGREES = 20;

    private CategoryLabels() {
    }

    /** Tilts the labels of {@code chart} if the longest of {@code categories} is wider than its slot. */
    static void fit(CategoryChart chart, List<String> categories) {
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        double slot = ChartStyle.WIDTH * AXIS_SHARE / Math.max(1, categories.size());
        if (longest * CHAR_WIDTH > slot * 0.95) {
            chart.getStyler().setXAxisLabelRotation(TILT_DEGREES);
        }
    }
}
