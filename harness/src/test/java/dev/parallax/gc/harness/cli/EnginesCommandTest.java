package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.cli.Cli.Run;
import org.junit.jupiter.api.Test;

import static dev.parallax.gc.harness.cli.Cli.assertUsageError;
import static dev.parallax.gc.harness.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parallax engines}, in its smallest form: every row runs and is reported. */
class EnginesCommandTest {
    @Test
    void everyRowRunsAndTheTablesSayWhat() {
        Run r = run("engines", "--size", "small", "--bodies", "1", "--warmup", "0", "--max-warmup", "0", "--heap", "8m");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("GCBench (small body, 140,942 nodes) on mark-sweep / precise+globals / low-bit / "
                + "allocation, heap 8 MiB, release mode\n"), r.out());
        for (String row : new String[] {"Java, hand-written (HeapGcBench)", "script, compiled  ",
                "script, compiled, a poll at every back-edge and entry", "GCBench depths 12/10, interpreted",
                "lists.script x1, interpreted", "trees.script x1, compiled"}) {
            assertTrue(r.out().contains(row), row + " is missing from\n" + r.out());
        }
        assertTrue(r.out().contains("command: parallax engines --size small"), r.out());
    }

    @Test
    void badCountsAreRefused() {
        assertUsageError(run("engines", "--bodies", "0"), "--bodies must be at least 1, not 0");
        assertUsageError(run("engines", "--warmup", "3", "--max-warmup", "1"), "--max-warmup at least --warmup");
    }
}
