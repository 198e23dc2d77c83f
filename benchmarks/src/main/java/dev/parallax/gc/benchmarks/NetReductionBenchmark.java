package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.net.Net;
import dev.parallax.gc.net.NetConfig;
import dev.parallax.gc.net.reduce.Interactions;
import dev.parallax.gc.net.slab.Ports;
import dev.parallax.gc.net.term.Evaluator;
import dev.parallax.gc.net.term.Expr;
import dev.parallax.gc.net.term.NetCompiler;
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
 * Parallel reduction (design report, parallax-net's worker pool): one reduction of a parallel
 * workload, a balanced tree of operators over 2^{@code depth} leaves, whose independent subtrees the
 * workers reduce side by side (stealing from each other), with 1 and 2 workers. {@code values}
 * {@code net}: numbers held in the net (the reducer alone); {@code heap}: boxes and tuples on the GC
 * heap, every operator above them allocating its boxed result (mark-sweep, 64 MiB, net-indexed
 * roots). The net is built before each invocation (not timed) and erased after it; the timed part is
 * {@code Net.reduce}, including starting and joining the worker threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NetReductionBenchmark {
    @Param({"1", "2"})
    public int workers;

    @Param({"net", "heap"})
    public String values;

    /** 2^18 leaves: a reduction of about 10 ms, long enough that starting the workers does not count. */
    @Param({"18"})
    public int depth;

    private GcRuntime runtime;
    private Net net;
    private Mutator m;
    private Expr program;
    private String expected;
    private long root;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(GcConfig.defaults().withHeapBytes(64L << 20)
                .withRoots(List.of("precise", "globals", "net-indexed")));
        long slots = (4L << depth) + (1 << 16);
        net = Net.create(runtime, new NetConfig(workers, workers, slots, slots));
        m = runtime.attach("net-bench");
        program = tree(depth, 0, values.equals("heap"));
        expected = Evaluator.eval(program).text();
    }

    private static Expr tree(int d, int i, boolean heap) {
        if (d == 0) {
            return !heap ? new Expr.Num(i & 15) : (i & 3) == 3 ? new Expr.Tuple(i & 7, 1) : new Expr.Box(i & 15);
        }
        return new Expr.Op(d % 3 == 0 ? Interactions.SUB : Interactions.ADD, tree(d - 1, 2 * i, heap),
                tree(d - 1, 2 * i + 1, heap));
    }

    @Setup(Level.Invocation)
    public void build() {
        root = new NetCompiler(net, m).compile(program);
    }

    @Benchmark
    public long reduce() {
        return net.reduce(m);
    }

    @TearDown(Level.Invocation)
    public void erase() {
        String form = net.readback(root, m);
        if (!form.equals(expected)) {
            throw new IllegalStateException("normal form " + form + ", expected " + expected);
        }
        net.link(root, Ports.ERASER);
        net.reduce(m);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        m.close();
        net.close();
        runtime.close();
    }
}
