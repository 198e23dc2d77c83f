package dev.parallax.gc.harness.report;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcPhase;
import dev.parallax.gc.runtime.GcRuntimes;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcLogTest {
    private static final String UPTIME = "\\[\\d+\\.\\d{3}s\\]";

    private static CollectionRecord record(long number, String reason, String kind) {
        return new CollectionRecord(number, "mark-sweep", reason, 50_000, 3_214_000, 48L << 20, 12L << 20, 1000, 0,
                Map.of(GcPhase.SWEEP, 1_000_000L, GcPhase.MARK_ROOTS, 200_000L, GcPhase.TRACE_LIVE, 2_100_000L), kind);
    }

    @Test
    void aPauseIsOneHotSpotStyleLine() {
        StringWriter out = new StringWriter();
        new GcLog(new PrintWriter(out), GcLog.Level.INFO, 64L << 20).collectionEnded(record(12, "allocation failure", "full"));
        String line = out.toString().strip();
        assertTrue(line.matches(UPTIME + "\\[info\\]\\[gc\\] GC\\(12\\) Pause Full \\(mark-sweep, allocation failure\\) "
                + "48M->12M\\(64M\\) 3\\.214ms"), line);
    }

    @Test
    void debugAddsTimeToSafepointAndThePhasesInTheirOrder() {
        StringWriter out = new StringWriter();
        new GcLog(new PrintWriter(out), GcLog.Level.DEBUG, 64L << 20).collectionEnded(record(3, "increment", "increment"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(5, lines.size(), out.toString());
        assertTrue(lines.get(0).contains("[info][gc] GC(3) Pause Increment (mark-sweep, increment)"), lines.get(0));
        assertTrue(lines.get(1).matches(UPTIME + "\\[debug\\]\\[gc,safepoint\\] GC\\(3\\) Time to safepoint 0\\.050ms"),
                lines.get(1));
        assertTrue(lines.get(2).matches(UPTIME + "\\[debug\\]\\[gc,phases\\] GC\\(3\\)   Mark roots 0\\.200ms"),
                lines.get(2));
        assertTrue(lines.get(3).endsWith("GC(3)   Trace live 2.100ms"), lines.get(3));
        assertTrue(lines.get(4).endsWith("GC(3)   Sweep 1.000ms"), lines.get(4));
    }

    @Test
    void aPauseIsNamedForWhatItCollected() {
        StringWriter out = new StringWriter();
        GcLog log = new GcLog(new PrintWriter(out), GcLog.Level.INFO, 1L << 20);
        log.collectionEnded(record(1, "step", "full"));
        log.collectionEnded(record(2, "allocation failure", "young"));
        assertTrue(out.toString().contains("GC(1) Pause Full (mark-sweep, step)"), out.toString());
        assertTrue(out.toString().contains("GC(2) Pause Young (mark-sweep, allocation failure)"), out.toString());
    }

    @Test
    void aStepOfAStopTheWorldCollectorIsAFullPauseAndAGenerationalMinorOneIsYoung() {
        for (String collector : List.of("mark-sweep", "generational")) {
            StringWriter out = new StringWriter();
            GcConfig config = GcConfig.defaults().withCollector(collector).withHeapBytes(1L << 20).withTlabBytes(4096);
            try (GcRuntime runtime = GcRuntimes.create(config); Mutator m = runtime.attach("t")) {
                GcLog.attach(runtime, new PrintWriter(out), GcLog.Level.INFO);
                m.collectStep();
            }
            String expected = collector.equals("generational") ? "Pause Young (generational, step)"
                    : "Pause Full (mark-sweep, step)";
            assertTrue(out.toString().contains(expected), out.toString());
        }
    }

    @Test
    void aRuntimesCollectionsAreLoggedAfterALineNamingItsStrategies() {
        StringWriter out = new StringWriter();
        GcConfig config = GcConfig.defaults().withHeapBytes(1L << 20).withTlabBytes(4096);
        try (GcRuntime runtime = GcRuntimes.create(config); Mutator m = runtime.attach("t")) {
            GcLog.attach(runtime, new PrintWriter(out), GcLog.Level.INFO);
            m.collect();
            m.collect();
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).endsWith("[info][gc] Using mark-sweep / precise+globals / low-bit / allocation, "
                + "heap 1M, release mode"), lines.get(0));
        assertTrue(lines.get(1).matches(UPTIME + "\\[info\\]\\[gc\\] GC\\(1\\) Pause Full \\(mark-sweep, requested\\) "
                + "\\d+K->\\d+K\\(1024K\\) \\d+\\.\\d{3}ms"), lines.get(1));
        assertTrue(lines.get(2).contains("GC(2) Pause Full"), lines.get(2));
    }
}
