package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.reference.Finalizer;
import dev.parallax.gc.api.reference.References;
import dev.parallax.gc.runtime.GcRuntimes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finalizer throughput: per operation, one object allocated with a finalizer registered; per
 * invocation a batch of 10,000 such objects dropped, one full collection, and the wait until the
 * finalizer thread has run all 10,000 finalizers (each reads one field). The time per operation is
 * the whole life of a finalizable object: registration, its share of the collection, the hand-over
 * and the run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FinalizerBenchmark {
    private static final int BATCH = 10_000;

    @Param({"mark-sweep", "semispace"})
    public String collector;

    private GcRuntime runtime;
    private Mutator mutator;
    private References refs;
    private Shape node;
    private final AtomicLong sum = new AtomicLong();
    private final Finalizer finalizer = (m, slot) -> sum.addAndGet(m.readRaw(m.ref(slot), 2));

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(GcConfig.defaults().withCollector(collector)
                .withRoots(List.of("precise", "globals")).withHeapBytes(64L << 20));
        mutator = runtime.attach("bench");
        refs = runtime.references();
        node = runtime.shapes().define("Node", 4, 0, 1);
        mutator.pushFrame(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mutator.close();
        runtime.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long finalizeBatch() throws InterruptedException {
        long before = refs.finalizersRun();
        for (int i = 0; i < BATCH; i++) {
            mutator.setRef(0, mutator.allocate(node));
            mutator.writeRaw(mutator.ref(0), 2, i);
            refs.registerFinalizer(mutator, 0, finalizer);
        }
        mutator.clear(0);
        mutator.collect();
        if (!refs.awaitFinalizers(mutator, 60_000)) {
            throw new IllegalStateException("finalizers did not finish");
        }
        return refs.finalizersRun() - before;
    }
}
