package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.parallax.gc.harness.cli.Cli.assertUsageError;
import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10 point 7: {@code bench --heap-multiple}, each collector at multiples of its own minimum heap. */
class HeapMultipleBenchTest {
    private static final String HEADER = "workload,collector,roots,tags,safepoints,settings,min_heap_bytes,"
            + "largest_failed_bytes,granularity_bytes,trials,collections_at_min,error";

    @TempDir
    Path dir;

    private static String[] bench(String... args) {
        List<String> all = new ArrayList<>(List.of("bench", "--size", "small", "--bodies", "1", "--warmup", "0",
                "--max-warmup", "0"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** A minimum-heap file as minheap writes it, with one row: mark-sweep, precise roots, small GCBench. */
    private Path minHeapFile(long minBytes) throws IOException {
        return Files.writeString(dir.resolve("min.csv"), HEADER + "\nGCBench small,mark-sweep,precise+globals,low-bit,"
                + "allocation,release," + minBytes + "," + (minBytes - 16384) + ",16384,9,58,\n");
    }

    @Test
    void measuresEachMinimumFirstThenRunsEveryMultipleOfIt() {
        Run r = run(bench("--same-jvm", "--collector", "mark-compact", "--roots", "precise,globals",
                "--heap-multiple", "1,2.5"));
        assertEquals(0, r.code(), r.toString());
        List<String> labels = r.outLines().stream().filter(l -> l.contains("x min (")).map(l -> l.split(" {2,}")[0])
                .distinct().toList();
        assertEquals(2, labels.size(), r.out());
        String prefix = "mark-compact / precise+globals / low-bit / allocation / ";
        assertTrue(labels.get(0).startsWith(prefix + "1x min (") && labels.get(1).startsWith(prefix + "2.5x min ("),
                labels.toString());
        long min = kib(labels.get(0));
        assertEquals((min * 5 / 2 + 15) / 16 * 16, kib(labels.get(1)), "2.5 times, rounded up to 16 KiB: " + labels);
        assertTrue(r.out().contains("mark-compact / precise+globals / low-bit / allocation " + min + " KiB"),
                "the legend names the minimum: " + r.out());
        assertTrue(r.err().contains("minimum heap: trial 1: 4 MiB ran"), "the search's progress: " + r.err());
        assertTrue(r.out().contains("parallax heap 1 and 2.5 times each strategy set's minimum heap"), r.out());
        assertTrue(r.out().contains("Minimum heaps, measured first in this JVM"), r.out());
    }

    /** "... / 2.5x min (848 KiB)" -> 848. */
    private static long kib(String label) {
        String size = label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')'));
        assertTrue(size.endsWith(" KiB"), label);
        return Long.parseLong(size.substring(0, size.length() - 4));
    }

    @Test
    void readsTheMinimaFromAFileAndKeepsFreshJvmsCsvAndTheGcLog() throws IOException {
        Path csv = dir.resolve("bench.csv");
        Path log = dir.resolve("gc.log");
        Run r = run(bench("--collector", "mark-sweep", "--roots", "precise,globals", "--heap-multiple", "2",
                "--min-heap", minHeapFile(400 << 10).toString(), "--jvm-heap", "64m", "--csv", csv.toString(),
                "--gc-log=" + log));
        assertEquals(0, r.code(), r.toString());
        String label = "mark-sweep / precise+globals / low-bit / allocation / 2x min (800 KiB)";
        assertTrue(r.out().contains("\n" + label + "  "), r.out());
        assertTrue(r.out().contains("Minimum heaps, read from " + dir.resolve("min.csv")), r.out());
        assertTrue(r.err().contains(label + ": starting a fresh JVM"), r.err());
        assertTrue(!r.err().contains("minimum heap: trial"), "nothing measured: " + r.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith(label + ","), rows.get(2));
        assertTrue(rows.get(2).contains("," + (800 << 10) + ","), "heap_bytes: " + rows.get(2));
        assertTrue(Files.readAllLines(log).getFirst().endsWith("Using mark-sweep / precise+globals / low-bit / "
                + "allocation, heap 800K, release mode"), Files.readString(log));
    }

    @Test
    void aMeasuredMinimumThatFailedOtherwiseThanByRunningOutOfMemoryStopsBench() {
        // naive conservative decoding under high-bit misses every real pointer: GCBench loses its long-lived tree
        Run r = run(bench("--same-jvm", "--collector", "mark-sweep", "--roots", "conservative,globals", "--tags",
                "high-bit", "-o", "conservative.decode=naive", "--heap-multiple", "2"));
        assertEquals(ErrorReporter.FAILURE, r.code(), r.toString());
        assertTrue(r.err().contains("error: java.lang.IllegalStateException: cannot size the rows of mark-sweep / "
                + "conservative+globals / high-bit / allocation: its minimum-heap search failed, trial at 4 MiB: "
                + "dev.parallax.gc.harness.gcbench.GcBenchFailure"), r.err());
        assertEquals("", r.out(), "no row ran");
    }

    @Test
    void aMultipleBelowOneOrNotANumberIsRefused() {
        assertUsageError(run(bench("--heap-multiple", "0.5,2")), "--heap-multiple: 0.5 is below 1");
        assertUsageError(run(bench("--heap-multiple", "1.5,two,3")), "--heap-multiple: 'two' is not a number; give a "
                + "comma list of multiples like 1.5,2,3,5");
        assertUsageError(run(bench("--heap-multiple", "2,,3")), "--heap-multiple: '' is not a number");
        assertUsageError(run(bench("--heap-multiple", "NaN")), "--heap-multiple: 'NaN' is not a number");
        assertUsageError(run(bench("--heap-multiple", "2,2.0")), "--heap-multiple: 2.0 is listed twice");
    }

    @Test
    void aMinHeapFileThatIsMissingWrongOrWithoutTheRowIsRefused() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertUsageError(run(bench("--heap-multiple", "2", "--min-heap", missing.toString())),
                "--min-heap " + missing + ": no such file");
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        assertUsageError(run(bench("--heap-multiple", "2", "--min-heap", other.toString())),
                "not a minimum-heap CSV");
        Path file = minHeapFile(400 << 10);
        assertUsageError(run(bench("--heap-multiple", "2", "--min-heap", file.toString(), "--collector",
                        "mark-compact", "--roots", "precise,globals")),
                "has no minimum heap for mark-compact / precise+globals / low-bit / allocation (GCBench small, release)");
        assertUsageError(run("bench", "--heap-multiple", "2", "--min-heap", file.toString(), "--collector",
                "mark-sweep", "--roots", "precise,globals"), "(GCBench standard, release)");
    }

    @Test
    void theOptionsThatClashAreRefused() throws IOException {
        assertUsageError(run(bench("--heap", "8m", "--heap-multiple", "2")),
                "--heap and --heap-multiple exclude each other");
        assertUsageError(run(bench("--min-heap", minHeapFile(400 << 10).toString())),
                "--min-heap is read only with --heap-multiple");
    }
}
