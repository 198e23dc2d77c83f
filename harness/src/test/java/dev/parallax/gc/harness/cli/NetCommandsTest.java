package dev.parallax.gc.harness.cli;

import org.junit.jupiter.api.Test;

import static dev.parallax.gc.harness.cli.Cli.assertUsageError;
import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --workload net} and {@code refscan}: what they print, and their bad input. */
class NetCommandsTest {
    @Test
    void theNetWorkloadRunsPerCollectorBesideItsBaseline() {
        Cli.Run r = run("bench", "--workload", "net", "--size", "small", "--bodies", "1", "--warmup", "0",
                "--max-warmup", "0", "--same-jvm", "--collector", "mark-compact", "--net-workers", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("baseline: numbers in the net, no heap values"), r.out());
        assertTrue(r.out().contains("mark-compact / precise+globals+net-indexed / low-bit / allocation"), r.out());
        assertTrue(r.out().contains("Net workload (small): a tree of operators over 2^12 leaves"), r.out());
        assertTrue(r.out().contains("reduced by 2 net workers"), r.out());
    }

    @Test
    void badNetWorkloadInputIsOneLine() {
        assertUsageError(run("bench", "--workload", "nets"), "--workload: 'nets' is not a workload; use gcbench or net");
        assertUsageError(run("bench", "--workload", "net", "--roots", "precise,globals"),
                "needs a Ref-cell root source", "got precise,globals");
        assertUsageError(run("bench", "--workload", "net", "--net-workers", "0"), "--net-workers: 0");
        assertUsageError(run("bench", "--workload", "net", "--heap-multiple", "2"), "does not apply to --workload net");
    }

    @Test
    void refscanComparesTheStrategiesWithTheSlabRead() {
        Cli.Run r = run("refscan", "--nodes", "5000", "--density", "1,100", "--repeats", "1", "--warmup-ms", "0");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("naive/bitmap"), r.out());
        assertEquals(2, r.outLines().stream().filter(l -> l.startsWith("5,000 ")).count(), r.out());
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("5,000 +100\\.0 +5,000 .*")), r.out());
        assertUsageError(run("refscan", "--density", "0"), "--density: 0.0 is not a percentage in (0, 100]");
        assertUsageError(run("refscan", "--nodes", "0"), "--nodes: 0 is not in [1, 2^31]");
    }
}
