package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The runtime's memory: one page-aligned off-heap segment reserved at start-up, holding the heap
 * from offset 0 and, after it, one stack region per mutator the config allows
 * ({@code mutators x stack} words). One segment, so that the mutator fast path reaches heap and
 * stacks through one constant segment. The memory is zeroed and pre-touched at reservation, so page
 * faults do not land in timings. Closing it releases the memory; any later access through the
 * segment throws {@link IllegalStateException}.
 */
public final class Heap implements AutoCloseable {
    /** Alignment of the heap's first address: a page, so the heap never shares one with other data. */
    public static final long PAGE_BYTES = 4096;

    private final Arena arena;
    private final MemorySegment memory;
    private final ObjectModel objects;
    private final long stackBytes;
    private final int stacks;

    private Heap(Arena arena, MemorySegment memory, ObjectModel objects, long stackBytes, int stacks) {
        this.arena = arena;
        this.memory = memory;
        this.objects = objects;
        this.stackBytes = stackBytes;
        this.stacks = stacks;
    }

    /** Reserves and pre-touches the heap and the stack regions {@code config} asks for. */
    public static Heap reserve(GcConfig config, ShapeTable shapes) {
        long stackBytes = (long) config.stackWords() * HeaderLayout.WORD_BYTES;
        long total = config.heapBytes() + stackBytes * config.maxMutators();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment memory = arena.allocate(total, PAGE_BYTES);
            preTouch(memory);
            ObjectModel objects = new ObjectModel(memory.asSlice(0, config.heapBytes()), shapes,
                    config.keepsObjectIds(), config.debug());
            return new Heap(arena, memory, objects, stackBytes, config.maxMutators());
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    /** Writes one zero word per page so the OS maps every page now rather than during a benchmark. */
    private static void preTouch(MemorySegment segment) {
        for (long off = 0; off < segment.byteSize(); off += PAGE_BYTES) {
            segment.set(ValueLayout.JAVA_LONG, off, 0L);
        }
    }

    /** The whole memory: heap, then stacks. */
    public MemorySegment memory() {
        return memory;
    }

    public ObjectModel objects() {
        return objects;
    }

    public long base() {
        return objects.base();
    }

    public long limit() {
        return objects.limit();
    }

    /** Bytes of one mutator stack region. */
    public long stackBytes() {
        return stackBytes;
    }

    /** The number of stack regions: the most mutators attached at once. */
    public int stackRegions() {
        return stacks;
    }

    /** Allocates runtime memory that lives as long as the heap (the global table). Zeroed. */
    public MemorySegment allocateSide(long bytes) {
        return arena.allocate(bytes, 8);
    }

    /** Releases the heap, the stacks and side memory. Idempotent. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
