package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.harness.bench.BenchRunner;
import dev.parallax.gc.harness.report.CollectionLog;
import dev.parallax.gc.harness.report.Percentiles;
import dev.parallax.gc.runtime.GcRuntimeImpl;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
import dev.parallax.gc.runtime.safepoint.PollSchedule;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The safepoint experiment (design report §8.2, safepoint strategy evaluation) for one policy: a
 * worker thread runs {@link LoopWorkload} bodies while a {@link CollectionRequester} asks for a
 * collection step every few milliseconds; the requests' time-to-safepoint is how long the worker
 * took to reach a poll.
 */
public final class SafepointExperiment {
    /** The timed bodies' times and the requests' times-to-safepoint (nanoseconds). */
    private record Timed(double[] bodyMs, List<Long> requestTts) {
    }

    private static final double NANOS_PER_MICRO = 1e3;

    private final LoopParams params;
    private final int warmup;
    private final int bodies;
    private final long requestIntervalNanos;
    private final PrintWriter progress;
    private Consumer<GcRuntime> observer = runtime -> { };

    /**
     * @param warmup               untimed bodies first (&ge; 0)
     * @param bodies               timed bodies (&ge; 1)
     * @param requestIntervalNanos the requester's sleep between requests
     * @param progress             where a line per body goes
     */
    public SafepointExperiment(LoopParams params, int warmup, int bodies, long requestIntervalNanos,
                               PrintWriter progress) {
        if (warmup < 0 || bodies < 1 || requestIntervalNanos < 1) {
            throw new IllegalArgumentException("warm-up >= 0, bodies >= 1 and a positive request interval needed");
        }
        this.params = params;
        this.warmup = warmup;
        this.bodies = bodies;
        this.requestIntervalNanos = requestIntervalNanos;
        this.progress = progress;
    }

    /** Hands every runtime the experiment creates to {@code observer} first (e.g. a GC log attaches to it). */
    public void observeRuntimes(Consumer<GcRuntime> observer) {
        this.observer = observer;
    }

    /** Runs the workload under {@code config} on the calling thread, the requester on another. */
    public SafepointRun run(GcConfig config) {
        CollectionLog log = new CollectionLog();
        try (GcRuntimeImpl runtime = GcRuntimes.create(config, StrategyCatalog.discover());
             LoopWorkload worker = new LoopWorkload(runtime, params, "worker")) {
            runtime.addListener(log);
            observer.accept(runtime);
            PollSchedule schedule = PollSchedule.of(runtime.safepointPolicy());
            Timed timed = timedBodies(runtime, worker, log);
            List<Long> tts = timed.requestTts();
            SiteCounts sites = worker.sitesPerBody();
            return new SafepointRun(config.safepoints(), BenchRunner.median(timed.bodyMs()), tts.size(),
                    percentile(tts, 100), percentile(tts, 50), percentile(tts, 99), sites.polledBy(schedule), sites,
                    Percentiles.ofNanos(tts.stream().mapToLong(Long::longValue).toArray(), NANOS_PER_MICRO));
        }
    }

    /** Warm-up and timed bodies with the requester running; only the timed bodies' requests count. */
    private Timed timedBodies(GcRuntimeImpl runtime, LoopWorkload worker, CollectionLog log) {
        double[] times = new double[bodies];
        CollectionRequester requester = new CollectionRequester(runtime, requestIntervalNanos);
        try {
            for (int i = 1; i <= warmup; i++) {
                report(runtime, "warm-up " + i + "/" + warmup, timeBody(worker));
            }
            log.clear();
            for (int i = 0; i < bodies; i++) {
                times[i] = timeBody(worker);
                report(runtime, "body " + (i + 1) + "/" + bodies, times[i]);
            }
            return new Timed(times, requestTimesToSafepoint(log.snapshot()));
        } finally {
            worker.mutator().runBlocked(requester::close); // blocked: a request in flight need not wait for us
        }
    }

    private static double timeBody(LoopWorkload worker) {
        long start = System.nanoTime();
        worker.runBody();
        return (System.nanoTime() - start) / 1e6;
    }

    /** The time-to-safepoint of each requested collection recorded so far, in nanoseconds. */
    private static List<Long> requestTimesToSafepoint(List<CollectionRecord> records) {
        return records.stream().filter(r -> CollectionRequester.REASON.equals(r.reason()))
                .map(CollectionRecord::timeToSafepointNanos).toList();
    }

    /** The {@code p}-th percentile (nearest rank) in microseconds; NaN for no values. */
    static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / NANOS_PER_MICRO;
    }

    private void report(GcRuntimeImpl runtime, String what, double ms) {
        progress.printf("safepoints: %s: %s %.1f ms%n", runtime.safepointPolicy().name(), what, ms);
        progress.flush();
    }
}
