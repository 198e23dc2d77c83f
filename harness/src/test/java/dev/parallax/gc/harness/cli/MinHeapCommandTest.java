package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.cli.Cli.Run;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.minheap.GcBenchTrial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.parallax.gc.harness.cli.Cli.assertUsageError;
import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10 point 7: {@code minheap}, the minimum heap per collector by binary search. */
class MinHeapCommandTest {
    @TempDir
    Path dir;

    @Test
    void findsAMinimumInWhichGcBenchRunsAndAFailureJustBelowIt() throws IOException {
        Path csv = dir.resolve("min.csv");
        Run r = run("minheap", "--size", "small", "--collector", "mark-sweep,mark-compact", "--roots", "precise,globals",
                "--granularity", "32k", "--csv", csv.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> out = r.outLines();
        assertTrue(out.get(0).matches("collector +roots +minimum heap +largest failed +trials +GCs at minimum"),
                out.get(0));
        assertTrue(out.get(2).matches("mark-sweep +precise\\+globals +\\d+ KiB +\\d+ KiB +\\d+ +[\\d,]+"), out.get(2));
        assertTrue(out.get(3).matches("mark-compact +precise\\+globals +\\d+ KiB +\\d+ KiB +\\d+ +[\\d,]+"), out.get(3));
        assertTrue(r.out().contains("GCBench (small): stretch depth 12"), r.out());
        assertTrue(r.out().contains("; low-bit / allocation, release mode.\n"), r.out());
        assertTrue(r.out().contains("fresh runtime"), r.out());
        assertTrue(r.out().contains("JDK ") && r.out().contains("cores") && r.out().contains("command: "), r.out());
        assertTrue(r.err().contains("mark-sweep / precise+globals / low-bit / allocation: minimum heap: trial 1: "
                + "4 MiB ran"), "progress per trial: " + r.err());

        // the CSV in bytes, and the minimum is true: GCBench runs there, and runs out of memory one step below
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("workload,collector,roots,tags,safepoints,settings,min_heap_bytes,"
                + "largest_failed_bytes,granularity_bytes"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals("GCBench small", f[0]);
            long min = Long.parseLong(f[6]);
            long failed = Long.parseLong(f[7]);
            assertEquals(32 << 10, Long.parseLong(f[8]), "the granularity asked for");
            assertEquals(0, min % (32 << 10), line);
            assertEquals(min - (32 << 10), failed, line);
            GcBenchTrial trial = new GcBenchTrial(GcConfig.defaults().withCollector(f[1]), GcBenchParams.SMALL, 1);
            assertTrue(trial.run(min).ran(), line);
            assertFalse(trial.run(failed).ran(), line);
        }
    }

    @Test
    void aFailureOtherThanRunningOutOfMemoryIsAnErrorNotAMinimum() {
        // naive conservative decoding under high-bit misses every real pointer: GCBench loses its long-lived tree
        Run r = run("minheap", "--size", "small", "--collector", "mark-sweep", "--roots", "conservative,globals",
                "--tags", "high-bit", "-o", "conservative.decode=naive");
        assertEquals(ErrorReporter.FAILURE, r.code(), r.toString());
        String row = r.outLines().get(2);
        assertTrue(row.matches("mark-sweep +conservative\\+globals +ERROR \\(see below\\) +- +1 +-"), row);
        assertTrue(r.out().contains("error: mark-sweep / conservative+globals / high-bit / allocation: trial at 4 MiB: "
                + "dev.parallax.gc.harness.gcbench.GcBenchFailure: GCBench survival check failed"), r.out());
        assertTrue(r.out().contains("; high-bit / allocation, release mode, conservative.decode=naive.\n"), r.out());
        assertTrue(r.err().contains("at dev.parallax.gc.harness.gcbench.BodyResult.check"), "the stack trace: "
                + r.err());
    }

    @Test
    void aCollectorThatNeedsMoreThanTheLargestHeapHasNoMinimum() {
        Run r = run("minheap", "--size", "small", "--collector", "mark-sweep", "--roots", "precise,globals",
                "--granularity", "16k", "--max-heap", "256k");
        assertEquals(0, r.code(), r.toString());
        String row = r.outLines().get(2);
        assertTrue(row.matches("mark-sweep +precise\\+globals +> 256 KiB +256 KiB +1 +-"), row);
    }

    @Test
    void aGranularityTheSearchCannotUseIsRefused() {
        assertUsageError(run("minheap", "--granularity", "5000"), "--granularity: 5000 is not a positive multiple of 4k");
        assertUsageError(run("minheap", "--granularity", "0"), "--granularity: 0 is not a positive multiple of 4k");
        assertUsageError(run("minheap", "--granularity", "fine"), "--granularity: 'fine' is not a size like 256k");
    }

    @Test
    void aLargestHeapBelowTheSmallestOrAboveTheMachineIsRefused() {
        assertUsageError(run("minheap", "--max-heap", "32k"), "--max-heap: 32k holds no heap the search would try: the "
                + "smallest is 256 KiB and every one a multiple of 256 KiB");
        assertUsageError(run("minheap", "--granularity", "48k", "--max-heap", "70k"), "--max-heap: 70k holds no heap "
                + "the search would try: the smallest is 96 KiB");
        assertUsageError(run("minheap", "--max-heap", "1000g"), "--max-heap: 1000 GiB cannot be reserved: this machine "
                + "has ");
        assertUsageError(run("minheap", "--max-heap", "99999999999999g"), "--max-heap: '99999999999999g' is more than "
                + "63 bits can count");
    }

    @Test
    void otherBadInputIsOneLineBeforeAnythingRuns() {
        assertUsageError(run("minheap", "--bodies", "0"), "--bodies must be at least 1, not 0");
        assertUsageError(run("minheap", "--heap", "8m"), "unknown option '--heap'");
        assertUsageError(run("minheap", "--collector", "mark-sweep,mark-swep"),
                "unknown collector 'mark-swep' (did you mean 'mark-sweep'?)");
        assertUsageError(run("minheap", "--csv", "/nonexistent/dir/min.csv"), "--csv", "/nonexistent/dir");
        assertUsageError(run("minheap", "--size", "huge"), "--size");
    }
}
