package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.runtime.GcRuntimes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One full collection of a 64 MiB heap holding a live binary tree of 2^17 - 1 nodes (6 MiB), per
 * collector and root mode: the pause a GCBench long-lived tree costs. Marking is proportional to
 * the tree, sweeping and compaction to the heap. Parallel tracing scales as
 * {@code -p collector=immix -p stackRoots=precise -p option=immix.workers=1,immix.workers=2} shows
 * (Immix marks in parallel when it does not evacuate; a fully live tree leaves nothing to evacuate).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CollectionBenchmark {
    @Param({"mark-sweep", "mark-compact", "incremental", "semispace", "immix", "generational"})
    public String collector;

    @Param({"precise", "conservative"})
    public String stackRoots;

    /** One strategy option as {@code key=value}, or empty. */
    @Param({""})
    public String option;

    private GcRuntime runtime;
    private Mutator mutator;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(StrategyOption.apply(GcConfig.defaults().withCollector(collector)
                .withRoots(List.of(stackRoots, "globals")).withHeapBytes(64L << 20), option));
        mutator = runtime.attach("bench");
        Shape node = runtime.shapes().define("Node", 4, 0, 1);
        mutator.pushFrame(1);
        mutator.setRef(0, Trees.build(mutator, node, 16));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mutator.close();
        runtime.close();
    }

    @Benchmark
    public void collect() {
        mutator.collect();
    }
}
