package dev.parallax.gc.benchmarks;

import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.tagging.highbit.HighBitTags;
import dev.parallax.gc.tagging.lowbit.LowBitTags;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * Design report §8.2, "Tagging overhead": the cost of tagging on the 64-bit atomic cells of
 * parallax-net's Ref nodes under concurrent access. Two threads pick cells at random in an off-heap
 * array and compare-and-set each: a pointer cell is retargeted (decode, re-encode keeping the tag),
 * an integer cell incremented. {@code untagged} does the same CASes on raw words with no decoding,
 * the floor the tag schemes are compared with. 1024 cells (8 KiB) fit in L1, so contention, not
 * memory, dominates; the tagging cost shows as the difference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class RefCellBenchmark {
    private static final int CELLS = 1024;
    private static final VarHandle CELL = ValueLayout.JAVA_LONG.varHandle();

    @Param({"untagged", "low-bit", "high-bit"})
    public String scheme;

    private Arena arena;
    private MemorySegment cells;
    private MemorySegment heap;
    private TagScheme tags;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        cells = arena.allocate(8L * CELLS, 64);
        heap = arena.allocate(1 << 20, 4096);
        tags = switch (scheme) {
            case "low-bit" -> new LowBitTags();
            case "high-bit" -> new HighBitTags();
            default -> null;
        };
        for (int i = 0; i < CELLS; i++) {
            long address = heap.address() + 16L * i;
            long word = tags == null ? address : (i % 2 == 0 ? tags.tagPointer(address) : tags.tagSmallInt(i));
            cells.setAtIndex(ValueLayout.JAVA_LONG, i, word);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** Per-thread random cell choice (xorshift: no allocation, no shared state). */
    @State(Scope.Thread)
    public static class Cursor {
        long x = Thread.currentThread().threadId() * 0x9E37_79B9_7F4A_7C15L | 1;

        int next() {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            return (int) (x & (CELLS - 1));
        }
    }

    @Benchmark
    public boolean update(Cursor cursor) {
        long offset = 8L * cursor.next();
        long old = (long) CELL.getVolatile(cells, offset);
        long next;
        if (tags == null) {
            next = old ^ 16; // move to the neighbouring 16-byte slot
        } else if (tags.isPointer(old)) {
            next = tags.retarget(old, tags.untag(old) ^ 16);
        } else {
            next = tags.tagSmallInt(tags.untagSmallInt(old) + 1 & 0xFFFF);
        }
        return CELL.compareAndSet(cells, offset, old, next);
    }
}
