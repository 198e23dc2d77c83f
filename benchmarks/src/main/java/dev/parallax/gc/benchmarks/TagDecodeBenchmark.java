package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.highbit.HighBitTags;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The collector's hottest test: is this slot a pointer, and to what? Scans 4096 slots, half
 * pointers and half small integers (random order, so the branch is unpredictable as in real
 * stacks), and sums the decoded addresses. {@code raw} is the floor: a range check on raw words,
 * what a tag-unaware scanner does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TagDecodeBenchmark {
    private static final int SLOTS = 4096;
    private static final long HEAP = 0x7f00_0000_0000L;

    @Param({"low-bit", "high-bit"})
    public String scheme;

    private TagScheme tags;
    private final long[] words = new long[SLOTS];

    @Setup
    public void setUp() {
        tags = scheme.equals("low-bit") ? new LowBitTags() : new HighBitTags();
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < SLOTS; i++) {
            words[i] = rnd.nextBoolean()
                    ? tags.tagPointer(HEAP + (rnd.nextLong(1L << 26) & ~7L))
                    : tags.tagSmallInt(rnd.nextLong(1 << 20));
        }
    }

    /** Decodes every slot through the tag scheme (what precise and tag-aware conservative scans do). */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long decode() {
        long sum = 0;
        for (long w : words) {
            if (tags.isPointer(w)) {
                sum += tags.untag(w);
            }
        }
        return sum;
    }

    /** Reads every slot as a raw word and range-checks it against the heap (naive conservative). */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long raw() {
        long sum = 0;
        for (long w : words) {
            if (w >= HEAP && w < HEAP + (1L << 26)) {
                sum += w;
            }
        }
        return sum;
    }
}
