package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.gcbench.BodyResult;
import dev.parallax.gc.harness.gcbench.GcBench;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRunnerTest {
    /** A benchmark whose bodies "take" scripted times on a fake clock, with a scripted GC time in each. */
    private static final class Scripted implements GcBench, GcMeter {
        private final double[] bodyMs;
        private final double[] gcMs;
        private int body;
        long now;
        double pause;

        Scripted(double[] bodyMs, double[] gcMs) {
            this.bodyMs = bodyMs;
            this.gcMs = gcMs;
        }

        @Override
        public GcBenchParams params() {
            return GcBenchParams.SMALL;
        }

        @Override
        public BodyResult runBody() {
            now += (long) (bodyMs[body] * 1e6);
            pause += gcMs[body];
            body++;
            return BodyResult.expected(params());
        }

        int bodiesRun() {
            return body;
        }

        @Override
        public void close() {
        }

        @Override
        public void startTimed() {
        }

        @Override
        public double pauseMillis() {
            return pause;
        }

        @Override
        public GcFigures stopTimed(int bodies) {
            return GcFigures.totalsOnly(1, 1, 1);
        }
    }

    private static BenchRow run(Warmup warmup, int bodies, Scripted s) {
        List<String> progress = new ArrayList<>();
        return new BenchRunner(warmup, bodies, progress::add, () -> s.now).run("row", s, s, 1, "jvm");
    }

    @Test
    void warmUpRunsAtLeastTheMinimumThenUntilTwoBodiesAreWithinTheTolerance() {
        // 4 bodies at least; 100, 60 and 48 are far apart, 47 is within 5% of 48 at the 4th: settled after 4
        Scripted s = new Scripted(new double[] {100, 60, 48, 47, 30, 31, 32}, new double[7]);
        BenchRow row = run(Warmup.DEFAULT, 3, s);
        assertEquals(4, row.warmupBodies());
        assertTrue(row.settled());
        assertArrayEquals(new double[] {30, 31, 32}, row.bodyMs(), 1e-9);
    }

    @Test
    void warmUpGoesOnPastTheMinimumUntilBodiesSettle() {
        Scripted s = new Scripted(new double[] {100, 90, 80, 70, 60, 59, 10}, new double[7]);
        BenchRow row = run(Warmup.DEFAULT, 1, s);
        assertEquals(6, row.warmupBodies(), "60 and 59 are the first pair within 5%");
        assertEquals(10, row.medianMs(), 1e-9);
    }

    @Test
    void warmUpStopsAtTheMaximumAndSaysItDidNotSettle() {
        Scripted s = new Scripted(new double[] {100, 50, 100, 50, 7}, new double[5]);
        BenchRow row = run(new Warmup(2, 4, 0.05), 1, s);
        assertEquals(4, row.warmupBodies());
        assertFalse(row.settled());
        assertEquals(5, s.bodiesRun());
    }

    @Test
    void eachTimedBodyGetsTheGcTimeThatFellInIt() {
        Scripted s = new Scripted(new double[] {20, 10, 30}, new double[] {5, 2, 9});
        BenchRow row = run(new Warmup(0, 0, 0.05), 3, s);
        assertEquals(0, row.warmupBodies());
        assertArrayEquals(new double[] {5, 2, 9}, row.gcMs(), 1e-9);
        assertEquals(20, row.medianMs(), 1e-9);
        assertEquals(5, row.medianGcMs(), 1e-9);
        assertEquals(15, row.mutatorMs(), 1e-9);
    }

    @Test
    void nodesPerBodyCountsEveryTreeGcBenchBuilds() {
        // stretch 12 (8,191) + long-lived 10 (2,047) + depths 4..10, each 2 * numIters(d) trees of treeSize(d)
        long expected = 8191 + 2047;
        for (int d = 4; d <= 10; d += 2) {
            expected += 2L * GcBenchParams.SMALL.numIters(d) * GcBenchParams.treeSize(d);
        }
        assertEquals(expected, GcBenchParams.SMALL.nodesPerBody());
        assertEquals(140_942, GcBenchParams.SMALL.nodesPerBody());
    }
}
