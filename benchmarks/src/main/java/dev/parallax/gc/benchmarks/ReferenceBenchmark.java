package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.reference.ReferenceKind;
import dev.parallax.gc.api.reference.References;
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
 * What weak references cost a pause: one full collection of a 64 MiB heap whose live set is a tree
 * of 2^17 - 1 nodes and an array of 100,000 nodes, with 0, 10,000 or 100,000 weak references to
 * nodes of that array (the references themselves, live, in an array beside it). The live set is the
 * same in every row; the references add their own objects and the reference processing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ReferenceBenchmark {
    private static final int NODES = 100_000;

    @Param({"mark-sweep", "mark-compact", "incremental", "semispace", "immix", "generational"})
    public String collector;

    @Param({"0", "10000", "100000"})
    public int weakRefs;

    private GcRuntime runtime;
    private Mutator mutator;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(GcConfig.defaults().withCollector(collector)
                .withRoots(List.of("precise", "globals")).withHeapBytes(64L << 20));
        mutator = runtime.attach("bench");
        References refs = runtime.references();
        Shape node = runtime.shapes().define("Node", 4, 0, 1);
        mutator.pushFrame(5);
        mutator.setRef(0, Trees.build(mutator, node, 16));
        mutator.setRef(1, mutator.allocateRefArray(NODES));
        for (int i = 0; i < NODES; i++) {
            long n = mutator.allocate(node);
            mutator.writeRef(mutator.ref(1), i, n);
        }
        mutator.setRef(2, mutator.allocateRefArray(Math.max(1, weakRefs)));
        for (int i = 0; i < weakRefs; i++) {
            mutator.setRef(3, mutator.readRef(mutator.ref(1), i));
            long r = refs.newReference(mutator, ReferenceKind.WEAK, 3, null);
            mutator.writeRef(mutator.ref(2), i, r);
        }
        mutator.clear(3);
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
