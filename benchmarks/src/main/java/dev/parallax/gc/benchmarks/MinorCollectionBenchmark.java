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
 * The generational collector's worst minor pause on GCBench, in isolation: a minor collection
 * whose nursery holds one live binary tree of {@code depth} (2^17 - 1 nodes, 5 MiB, at depth 16:
 * GCBench's largest temporary tree, every node of which survives a nursery collection that comes
 * while the tree is being built). Before each operation, untimed: a full collection (the mature
 * space empty again), then the tree built in the nursery; the operation is the minor collection
 * that promotes it. Copy rate = the tree's bytes / the time of one operation.
 *
 * <p>{@code ./parallax jmh MinorCollection}; {@code -p option=generational.workers=2} for a
 * parallel minor collection.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MinorCollectionBenchmark {
    @Param({"16"})
    public int depth;

    /** One strategy option as {@code key=value}, or empty. */
    @Param({""})
    public String option;

    private GcRuntime runtime;
    private Mutator mutator;
    private Shape node;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(StrategyOption.apply(GcConfig.defaults().withCollector("generational")
                .withRoots(List.of("precise", "globals")).withHeapBytes(64L << 20), option));
        mutator = runtime.attach("bench");
        node = runtime.shapes().define("Node", 4, 0, 1);
        mutator.pushFrame(1);
    }

    /** A full collection empties the mature space, then a fresh tree fills part of the nursery. */
    @Setup(Level.Invocation)
    public void buildTree() {
        mutator.setRef(0, 0);
        mutator.collect();
        mutator.setRef(0, Trees.build(mutator, node, depth));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mutator.close();
        runtime.close();
    }

    /** The minor collection that promotes the whole tree. */
    @Benchmark
    public void minor() {
        mutator.collectStep();
    }
}
