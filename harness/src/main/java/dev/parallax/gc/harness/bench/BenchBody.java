package dev.parallax.gc.harness.bench;

import dev.parallax.gc.harness.gcbench.BodyResult;
import dev.parallax.gc.harness.gcbench.GcBench;

/** A workload the bench runner times body by body: GCBench, or the net workload. */
public interface BenchBody extends AutoCloseable {
    /**
     * Runs one body on the calling thread (timed) and returns the check of what it computed, which
     * the runner runs untimed and which throws naming {@code heap} when the body computed wrongly.
     */
    Runnable run(String heap);

    @Override
    void close();

    /** GCBench's bodies, checked against {@link BodyResult#expected}. */
    static BenchBody of(GcBench bench) {
        return new BenchBody() {
            @Override
            public Runnable run(String heap) {
                BodyResult result = bench.runBody();
                return () -> result.check(bench.params(), heap);
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }
}
