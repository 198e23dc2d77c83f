package dev.parallax.gc.harness.retention;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.retention.RetentionExperiment.Cell;
import dev.parallax.gc.harness.retention.RetentionOutcome.Failed;
import dev.parallax.gc.harness.retention.RetentionOutcome.Measured;
import dev.parallax.gc.harness.retention.RetentionOutcome.Unsafe;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionExperimentTest {
    private static final RetentionParams SMALL = new RetentionParams(8, 5, 60, 2, 16);
    private static final RetentionRun REFERENCE = new RetentionRun(1000, 48_000, 5, 0, 1.0, 10);

    private static GcConfig config(String tags, RootMode mode) {
        Map<String, String> options = new HashMap<>(mode.options());
        return GcConfig.defaults().withTags(tags).withRoots(List.of(mode.roots().split(",")))
                .withHeapBytes(1 << 20).withTlabBytes(4 << 10).withOptions(options);
    }

    @Test
    void naiveDecodingUnderHighBitTagsIsReportedUnsafeNotThrown() {
        StringWriter progress = new StringWriter();
        List<Cell> cells = new RetentionExperiment(RetentionExperimentTest::config, SMALL, 1, 1,
                new PrintWriter(progress)).run(List.of("low-bit", "high-bit"), List.of(WordClass.HEAP_ALIGNED));
        assertEquals(6, cells.size(), cells.toString());
        for (Cell cell : cells) {
            boolean unsafe = cell.tags().equals("high-bit") && cell.mode() == RootMode.CONSERVATIVE_NAIVE;
            if (unsafe) {
                assertInstanceOf(Unsafe.class, cell.outcome(), cell.toString());
            } else {
                Measured measured = assertInstanceOf(Measured.class, cell.outcome(), cell.toString());
                assertTrue(measured.run().liveObjects() >= cell.reference().liveObjects(), cell.toString());
            }
        }
        RetentionReport report = new RetentionReport(cells);
        assertFalse(report.anyFailed());
        String table = report.render();
        assertEquals(1, table.lines().filter(l -> l.endsWith(RetentionReport.UNSAFE)).count(), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("unsafe high-bit")), table);
        assertTrue(progress.toString().contains("warm-up"), progress.toString());
    }

    @Test
    void aLossIsMeasuredAgainstTheReference() {
        assertNull(RetentionExperiment.lostAgainst(new RetentionRun(1010, 48_480, 5, 3, 1.1, 12), REFERENCE));
        String fewer = RetentionExperiment.lostAgainst(new RetentionRun(999, 48_480, 5, 3, 1.1, 12), REFERENCE);
        assertTrue(fewer != null && fewer.contains("999") && fewer.contains("1000"), fewer);
        String smaller = RetentionExperiment.lostAgainst(new RetentionRun(-1, 47_952, 5, 3, 1.1, 12), REFERENCE);
        assertTrue(smaller != null && smaller.contains("47952"), smaller);
    }

    @Test
    void anUnexpectedFailureIsReportedAsABug() {
        Cell failed = new Cell("low-bit", RootMode.CONSERVATIVE_TAGS, WordClass.DOUBLE,
                new Failed(new LiveObjectsLost("the long-lived tree has 3 nodes, not 255")), REFERENCE);
        Cell reference = new Cell("low-bit", RootMode.PRECISE, null, new Measured(REFERENCE), REFERENCE);
        RetentionReport report = new RetentionReport(List.of(reference, failed));
        assertTrue(report.anyFailed());
        String table = report.render();
        assertTrue(table.contains("FAILED (a bug: see below)"), table);
        assertTrue(table.contains("FAILED low-bit / conservative(tags)+globals / doubles:")
                && table.contains("has 3 nodes"), table);
    }
}
