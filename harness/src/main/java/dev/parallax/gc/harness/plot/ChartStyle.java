package dev.parallax.gc.harness.plot;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

import java.awt.Color;
import java.awt.Font;
import java.util.Collection;
import java.util.Locale;

/** The look every chart shares (size, fonts, a white background, the legend below) and headless drawing. */
final class ChartStyle {
    static {
        System.setProperty("java.awt.headless", "true"); // before any chart touches AWT: there is no display
    }

    /** The chart's size in pixels, the footer not included. */
    static final int WIDTH = 1400;
    static final int HEIGHT = 800;

    /** The colour of annotations that stand for a cell with no value (UNSAFE, FAILED). */
    static final Color ALERT = new Color(0xC0, 0x10, 0x10);

    /** Series colours, distinct from each other (Tableau 10). */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
            new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC)};

    /** Roughly the width of a character of the legend font, and a legend entry's box and gaps, in pixels. */
    private static final double LEGEND_CHAR_WIDTH = 8;
    private static final int LEGEND_ENTRY_EXTRA = 60;

    private ChartStyle() {
    }

    static CategoryChart categoryChart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setLabelsFont(font(Font.PLAIN, 12)).setLabelsFontColorAutomaticEnabled(false)
                .setLabelsFontColor(Color.BLACK);
        return chart;
    }

    static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** Puts the legend below the plot, in one row if {@code names} fit side by side, else one per line. */
    static void legend(Chart<? extends Styler, ?> chart, Collection<String> names) {
        double row = names.stream().mapToDouble(n -> n.length() * LEGEND_CHAR_WIDTH + LEGEND_ENTRY_EXTRA).sum();
        chart.getStyler().setLegendLayout(row < WIDTH * 0.9 ? LegendLayout.Horizontal : LegendLayout.Vertical);
    }

    static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    private static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(font(Font.BOLD, 20));
        styler.setAxisTitleFont(font(Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(font(Font.PLAIN, 13));
        styler.setLegendFont(font(Font.PLAIN, 14));
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setAnnotationTextFont(font(Font.BOLD, 13));
        styler.setAnnotationTextFontColor(ALERT);
        styler.setLocale(Locale.ROOT);
        styler.setSeriesColors(PALETTE);
    }
}
