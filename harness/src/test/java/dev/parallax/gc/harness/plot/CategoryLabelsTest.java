package dev.parallax.gc.harness.plot;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Axis labels stay readable and inside the chart: flat when they fit, tilted more the longer they are. */
class CategoryLabelsTest {
    /** The font the charts draw their axis labels in. */
    private static final Font FONT = ChartStyle.categoryChart("t", "x", "y").getStyler().getAxisTickLabelsFont();

    private static List<String> strategySets(List<String> suffixes) {
        List<String> labels = new ArrayList<>(List.of("baseline: Java objects, JVM GC"));
        for (String collector : List.of("incremental", "mark-compact", "mark-sweep")) {
            for (String roots : List.of("precise+globals", "conservative+globals")) {
                for (String suffix : suffixes) {
                    labels.add(collector + " / " + roots + suffix + " (12.4x)");
                }
            }
        }
        return labels;
    }

    @Test
    void shortLabelsStandSideBySide() {
        assertEquals(0, CategoryLabels.tilt(List.of("allocation", "back-edge", "function-entry"), FONT));
    }

    @Test
    void benchsStrategySetsTiltGently() {
        assertEquals(20, CategoryLabels.tilt(strategySets(List.of("")), FONT));
    }

    @Test
    void heapMultipleRowsTiltSteeplySoThatTheLastLabelStaysInTheChart() {
        // 13 categories of up to 60 characters: at 20 or 45 degrees the last would reach past the right edge
        assertEquals(70, CategoryLabels.tilt(strategySets(List.of(" / 1.5x min (30.5 MiB)", " / 3x min (61 MiB)")),
                FONT));
    }

    @Test
    void aVeryLongLabelStandsUpright() {
        assertEquals(90, CategoryLabels.tilt(List.of("a", "x".repeat(400)), FONT));
    }
}
