package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7 point 7: every row in a fresh JVM with the same flags, the heap beside the baseline's, the split columns. */
class FreshJvmBenchTest {
    @TempDir
    Path dir;

    @Test
    void everyRowRunsInAFreshJvmWithTheSameFlagsAndItsGcLogComesBack() throws IOException {
        Path log = dir.resolve("gc.log");
        Run r = run("bench", "--size", "small", "--collector", "mark-sweep", "--roots", "precise,globals",
                "--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--jvm-heap", "64m", "--gc-log=" + log);
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).contains("ns/node") && lines.get(0).contains("mutator ms")
                && lines.get(0).contains("GC ms"), lines.get(0));
        assertTrue(r.out().contains("every row in a fresh JVM with the same flags (-Xms64m -Xmx64m"), r.out());
        // the baseline ran in a JVM with the 64 MiB heap asked for, and says so next to the parallax heap's 4 MiB
        String baselineDetail = lines.stream().filter(l -> l.startsWith("baseline")).toList().get(1);
        assertTrue(baselineDetail.matches("baseline: Java objects, JVM GC +64\\.0 .*"), baselineDetail);
        String heapDetail = lines.stream().filter(l -> l.startsWith("mark-sweep")).toList().get(1);
        assertTrue(heapDetail.matches("mark-sweep / precise\\+globals / low-bit / allocation +4\\.0 .*"), heapDetail);
        assertTrue(r.err().contains("starting a fresh JVM"), r.err());
        List<String> gc = Files.readAllLines(log);
        assertTrue(gc.getFirst().endsWith("[info][gc] Using mark-sweep / precise+globals / low-bit / allocation, "
                + "heap 4M, release mode"), gc.toString());
        assertTrue(gc.stream().anyMatch(l -> l.matches("\\[\\d+\\.\\d{3}s\\]\\[info\\]\\[gc\\] GC\\(\\d+\\) Pause Full "
                + "\\(mark-sweep, allocation failure\\) .*ms")), gc.toString());
    }

    @Test
    void aRowsFailureInItsJvmIsReportedAsInOneJvm() {
        Run r = run("bench", "--size", "small", "--collector", "mark-sweep", "--roots", "precise,globals",
                "--heap", "256k", "--tlab", "4k", "--bodies", "1", "--warmup", "0", "--max-warmup", "0",
                "--jvm-heap", "64m");
        assertEquals(ErrorReporter.USAGE, r.code(), r.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("out of memory")), r.err());
    }

    @Test
    void theGcLogGoesToStandardOutputWithoutAFile() {
        Run r = run("bench", "--size", "small", "--collector", "mark-compact", "--roots", "precise,globals",
                "--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--same-jvm", "--gc-log", "--gc-log-level",
                "debug");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("[info][gc] GC("), r.out());
        assertTrue(r.out().contains("[debug][gc,phases] GC("), r.out());
        assertTrue(r.out().contains("Relocate"), r.out());
    }
}
