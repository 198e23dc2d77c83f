package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import dev.parallax.gc.runtime.safepoint.PollSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafepointExperimentTest {
    private static final LoopParams TINY = new LoopParams(5, 300, 4, 4);

    static Stream<String> policies() {
        return StrategyCatalog.discover().names(Axis.SAFEPOINTS).stream();
    }

    static Stream<String> collectors() {
        return StrategyCatalog.discover().names(Axis.COLLECTOR).stream();
    }

    @Test
    void sitesPolledFollowTheSchedule() {
        SiteCounts sites = new SiteCounts(100, 1000, 50);
        assertEquals(100, sites.polledBy(new PollSchedule(1, 0, 0)));
        assertEquals(15 + 10, sites.polledBy(new PollSchedule(0, 64, 5)));
        assertEquals(0, sites.polledBy(new PollSchedule(0, 0, 0)));
    }

    /** Poll stress collects at every polled site: a moving collector finds any address held across one. */
    @ParameterizedTest
    @MethodSource("collectors")
    void workloadSurvivesACollectionAtEveryPoll(String collector) {
        for (String policy : policies().toList()) {
            GcConfig config = GcConfig.defaults().withCollector(collector).withSafepoints(policy)
                    .withHeapBytes(256 << 10).withTlabBytes(4 << 10).withDebug(true).withStress(StressMode.POLL, 1);
            try (GcRuntimeImpl runtime = GcRuntimes.create(config, StrategyCatalog.discover());
                 LoopWorkload worker = new LoopWorkload(runtime, TINY, "worker")) {
                long before = runtime.stats().collections();
                worker.runBody(); // checks the array sum and the tree walk
                long polls = runtime.stats().collections() - before;
                long declared = worker.sitesPerBody().polledBy(PollSchedule.of(runtime.safepointPolicy()));
                // stress collects at every poll: the declared ones plus the allocation slow path's
                assertTrue(polls >= declared && polls <= declared + worker.sitesPerBody().allocations(),
                        policy + ": " + polls + " polls, " + declared + " declared sites polled");
            }
        }
    }

    @Test
    void requestsWaitForTheWorkerAndAreCounted() {
        StringWriter progress = new StringWriter();
        LoopParams params = new LoopParams(8, 20_000, 6, 40);
        SafepointExperiment experiment = new SafepointExperiment(params, 1, 2, TimeUnit.MICROSECONDS.toNanos(500),
                new PrintWriter(progress));
        SafepointRun run = experiment.run(GcConfig.defaults().withHeapBytes(8 << 20));
        assertEquals("allocation", run.policy());
        assertTrue(run.requests() > 0, run.toString());
        assertTrue(run.p50TtsMicros() > 0 && run.p50TtsMicros() <= run.p99TtsMicros()
                && run.p99TtsMicros() <= run.maxTtsMicros(), run.toString());
        assertEquals(run.sites().allocations(), run.pollsPerBody(), "the allocation policy polls at allocations only");
        assertTrue(progress.toString().contains("body 2/2"), progress.toString());
    }

    @Test
    void percentilesUseNearestRank() {
        List<Long> nanos = List.of(4_000L, 1_000L, 3_000L, 2_000L);
        assertEquals(2.0, SafepointExperiment.percentile(nanos, 50));
        assertEquals(4.0, SafepointExperiment.percentile(nanos, 99));
        assertEquals(4.0, SafepointExperiment.percentile(nanos, 100));
        assertTrue(Double.isNaN(SafepointExperiment.percentile(List.of(), 50)));
    }
}
