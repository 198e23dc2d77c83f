package dev.parallax.gc.runtime.heap;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.object.ShapeTable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The heap's memory: one page-aligned off-heap segment reserved at start-up and pre-touched, so
 * page faults do not land in timings. Closing it releases the memory; any later access through
 * the segment throws {@link IllegalStateException}.
 */
public final class Heap implements AutoCloseable {
    /** Alignment of the heap's first address: a page, so the heap never shares one with other data. */
    public static final long PAGE_BYTES = 4096;

    private final Arena arena;
    private final MemorySegment segment;
    private final ObjectModel objects;

    private Heap(Arena arena, MemorySegment segment, ShapeTable shapes) {
        this.arena = arena;
        this.segment = segment;
        this.objects = new ObjectModel(segment, shapes);
    }

    /** Reserves and pre-touches {@code bytes} (a multiple of 8) of heap. */
    public static Heap reserve(long bytes, ShapeTable shapes) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = arena.allocate(bytes, PAGE_BYTES);
            preTouch(segment);
            return new Heap(arena, segment, shapes);
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

    public MemorySegment segment() {
        return segment;
    }

    public ObjectModel objects() {
        return objects;
    }

    public long base() {
        return segment.address();
    }

    public long limit() {
        return segment.address() + segment.byteSize();
    }

    /** Allocates runtime memory that lives as long as the heap (the global table). Zeroed. */
    public MemorySegment allocateSide(long bytes) {
        return arena.allocate(bytes, 8);
    }

    /** Releases the heap and side memory. Idempotent. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
