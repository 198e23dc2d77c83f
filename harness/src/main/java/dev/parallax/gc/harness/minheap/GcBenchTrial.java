package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.HeapExhaustedException;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.gcbench.HeapGcBench;
import dev.parallax.gc.runtime.GcRuntimes;

/**
 * A {@link Trial} of GCBench: a fresh runtime of the configuration with the trial's heap (and the
 * TLAB shrunk to a quarter of a heap too small for it, as {@link GcConfig#withHeapBytes} does), the
 * given number of bodies on it, each checked for its survivors, then the runtime closed. Only
 * {@link HeapExhaustedException} counts as running out of memory; a failed survival check, a
 * corrupted heap or a refused configuration is thrown.
 */
public final class GcBenchTrial implements Trial {
    private final GcConfig config;
    private final GcBenchParams params;
    private final int bodies;

    /**
     * @param config the runtime's configuration (its heap is replaced by each trial's)
     * @param params the GCBench sizes
     * @param bodies bodies per trial (&ge; 1): the workload that must run
     */
    public GcBenchTrial(GcConfig config, GcBenchParams params, int bodies) {
        if (bodies < 1) {
            throw new IllegalArgumentException("a trial runs at least one body, not " + bodies);
        }
        this.config = config;
        this.params = params;
        this.bodies = bodies;
    }

    @Override
    public Outcome run(long heapBytes) {
        long start = System.nanoTime();
        GcConfig sized = config.withHeapBytes(heapBytes);
        try (GcRuntime runtime = GcRuntimes.create(sized);
             HeapGcBench bench = new HeapGcBench(runtime, params)) {
            try {
                for (int i = 0; i < bodies; i++) {
                    bench.runBody().check(params, sized.strategies());
                }
            } catch (HeapExhaustedException e) {
                return Outcome.exhausted(heapBytes, runtime.stats().collections(), seconds(start), e.getMessage());
            }
            return Outcome.ran(heapBytes, runtime.stats().collections(), seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
