package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
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
 * 100,000 allocations of 48 bytes right after a mark-sweep collection, on a heap whose 16 MiB of
 * live 48-byte objects are contiguous ({@code holeBytes=0}) or alternate with holes of 48 or 40
 * bytes (what a sweep leaves when every other object died), with the rest of the 64 MiB heap one
 * free chunk in every case. Measures whether TLAB refills find the large chunk or settle for
 * object-sized holes (one refill, so one slow path, per allocation), or scan a size class full of
 * holes just too small for the request before every refill.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FragmentedAllocationBenchmark {
    private static final int LIVE = (16 << 20) / 48;
    private static final int ALLOCATIONS = 100_000;
    private static final int HEADER_BYTES = 8;   // one status word (release mode)
    private static final int WORDS = (48 - HEADER_BYTES) / 8;

    @Param({"0", "48", "40"})
    public int holeBytes;

    private GcRuntime runtime;
    private Mutator m;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = GcRuntimes.create(GcConfig.defaults().withHeapBytes(64L << 20));
        m = runtime.attach("bench");
        m.pushFrame(1);
        m.setRef(0, m.allocateRefArray(LIVE));
        for (int i = 0; i < LIVE; i++) {
            long object = m.allocateRawArray(WORDS);
            m.writeRef(m.ref(0), i, object);
            if (holeBytes > 0) {
                m.allocateRawArray((holeBytes - HEADER_BYTES) / 8);   // dies: a hole after the live object
            }
        }
    }

    /** Each measured batch starts right after a collection, with the free lists the sweep built. */
    @Setup(Level.Invocation)
    public void collect() {
        m.collect();
    }

    @Benchmark
    public long allocate() {
        long last = 0;
        for (int i = 0; i < ALLOCATIONS; i++) {
            last = m.allocateRawArray(WORDS);
        }
        return last;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        m.popFrame();
        m.close();
        runtime.close();
    }
}
