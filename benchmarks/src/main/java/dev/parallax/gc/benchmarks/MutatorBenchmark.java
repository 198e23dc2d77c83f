package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.object.Shape;
import dev.parallax.gc.api.stack.FrameShape;
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

import java.util.concurrent.TimeUnit;

/**
 * The mutator hot paths, as compiled code would run them: allocation (TLAB bump, header, zeroing,
 * allocation poll) and a GCBench node step (push a frame, allocate, two reference stores through
 * the barrier hook, pop). Collections happen as the heap fills, so the figures include their
 * amortised cost; {@code mark-sweep} and {@code incremental} differ by the SATB barrier and
 * increments. Release mode, one runtime per fork, so the mutator class is specialised and every
 * call site sees one receiver class.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MutatorBenchmark {
    @Param({"mark-sweep", "incremental"})
    public String collector;

    /** Release mode by default; {@code -p debug=false,true} compares with debug mode's validated calls. */
    @Param({"false"})
    public boolean debug;

    /**
     * One strategy option as {@code key=value}, or empty: {@code -p collector=generational
     * -p option=,generational.barrier=off} measures what the remembering barrier costs (safe here:
     * an op's objects die at its end, so a missed old-to-young pointer is never followed).
     */
    @Param({""})
    public String option;

    private GcRuntime runtime;
    private Mutator m;
    private Shape node;
    private FrameShape frame;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(StrategyOption.apply(GcConfig.defaults().withCollector(collector)
                .withHeapBytes(64L << 20).withDebug(debug), option));
        m = runtime.attach("bench");
        node = runtime.shapes().define("Node", 4, 0, 1);
        frame = runtime.frames().define("parentAndChild", 1, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        m.close();
        runtime.close();
    }

    /** One small object: the allocation fast path. */
    @Benchmark
    public long allocate() {
        return m.allocate(node);
    }

    /**
     * A GCBench step: push a frame, allocate a parent and keep it in a slot, allocate a child, store
     * it into both of the parent's fields through the barrier hook, pop. Two objects per op.
     */
    @Benchmark
    public void parentAndChild() {
        m.pushFrame(frame);
        m.setRef(0, m.allocate(node));
        long child = m.allocate(node);
        long parent = m.ref(0);
        m.writeRef(parent, 0, child);
        m.writeRef(parent, 1, child);
        m.popFrame();
    }
}
